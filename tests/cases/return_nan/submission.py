import numpy as np


def matmul_backward(grad_out, A, B):
    return np.full(A.shape, np.nan), np.full(B.shape, np.inf)
