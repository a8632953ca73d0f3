# fails: Head h holds features h·d … (h+1)·d − 1 of every token
# says: feature j to head j % H
import numpy as np


def split_heads(x, H):
    B, T, D = x.shape
    return x.reshape(B, T, D // H, H).transpose(0, 3, 1, 2)
