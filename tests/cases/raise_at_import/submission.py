import numpy as np

scale = undefined_name * 2


def matmul_backward(grad_out, A, B):
    return grad_out @ B.T, A.T @ grad_out
