# fails: Token t is head 0's row t, then head 1's row t, …
# says: The features of the heads are interleaved
import numpy as np


def merge_heads(heads):
    B, H, T, d = heads.shape
    return heads.transpose(0, 2, 3, 1).reshape(B, T, H * d)
