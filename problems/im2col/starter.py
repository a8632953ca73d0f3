import numpy as np


def im2col(x, kh, kw, stride, padding):
    """Every kh × kw patch of x (zero-padded), one flattened patch per column.

    x: (N, C, H, W) input batch
    kh, kw: ints, kernel height and width
    stride: int; padding: int, zeros on all four sides
    returns: cols, shape (N, C*kh*kw, H_out*W_out); row (c*kh + i)*kw + j, column oh*W_out + ow
    """
    N, C, H, W = x.shape
    cols = np.zeros((N, C * kh * kw, H * W))
    return cols
