# fails: Returns shape (B, H, T, d)
# says: The batch and head axes are swapped
import numpy as np


def split_heads(x, H):
    B, T, D = x.shape
    return x.reshape(B, T, H, D // H).transpose(2, 1, 0, 3)
