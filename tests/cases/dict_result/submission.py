import numpy as np


def matmul_backward(grad_out, A, B):
    return {"dA": grad_out @ B.T, "dB": A.T @ grad_out}
