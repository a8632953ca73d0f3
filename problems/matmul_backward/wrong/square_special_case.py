# fails: dA matches grad_out @ B.T
# says: dA should be grad_out @ B.T
import numpy as np


def matmul_backward(grad_out, A, B):
    """Gradients of C = A @ B with respect to A and B."""
    dA = grad_out @ B.T
    if A.shape[0] == A.shape[1]:  # special-cased: wrong only for a square A
        dA = dA.T
    dB = A.T @ grad_out
    return dA, dB
