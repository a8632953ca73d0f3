# fails: Returns shape (B, H, T, d)
# says: the head axis must come before the tokens
import numpy as np


def split_heads(x, H):
    B, T, D = x.shape
    return x.reshape(B, T, H, D // H)
