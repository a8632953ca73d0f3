import numpy as np


def matmul_backward(grad_out, A, B):
    return grad_out @ B.T, A.T @ grad_out
