import numpy as np


def matmul_backward(grad_out, A, B):
    dA = grad_out @ B
    dB = A.T @ grad_out
    return dA, dB
