import numpy as np


def merge_heads(heads):
    """Concatenate the heads of every token: the inverse of split_heads."""
    B, H, T, d = heads.shape
    # Tokens back in front of heads, then join (H, d) into one feature axis.
    return heads.transpose(0, 2, 1, 3).reshape(B, T, H * d)
