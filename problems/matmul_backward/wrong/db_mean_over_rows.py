# fails: dB matches A.T @ grad_out
# says: a mean where a sum belongs
import numpy as np


def matmul_backward(grad_out, A, B):
    """Gradients of C = A @ B with respect to A and B."""
    dA = grad_out @ B.T
    dB = A.T @ grad_out / A.shape[0]
    return dA, dB
