import numpy as np


def split_heads(x, H):
    """Split the feature axis into H heads and put the head axis before the tokens."""
    B, T, D = x.shape
    d = D // H
    # Cut D into (H, d) in place, then move the head axis in front of the tokens.
    return x.reshape(B, T, H, d).transpose(0, 2, 1, 3)
