# fails: cols has shape (N, C·kh·kw, H_out·W_out)
# says: the count without padding
import numpy as np


def im2col(x, kh, kw, stride, padding):
    N, C, H, W = x.shape
    H_out = (H - kh) // stride + 1
    W_out = (W - kw) // stride + 1
    cols = np.zeros((N, C * kh * kw, H_out * W_out))
    for oh in range(H_out):
        for ow in range(W_out):
            patch = x[:, :, oh * stride : oh * stride + kh, ow * stride : ow * stride + kw]
            cols[:, :, oh * W_out + ow] = patch.reshape(N, -1)
    return cols
