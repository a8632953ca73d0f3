# fails: dx adds the skip path and the branch
# says: That is only the skip path's gradient
import numpy as np


def residual_backward(grad_out, x, W):
    return grad_out.copy(), x.T @ grad_out
