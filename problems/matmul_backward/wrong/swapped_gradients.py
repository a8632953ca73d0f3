# fails: Returns two arrays with correct shapes
# says: the outputs look swapped
import numpy as np


def matmul_backward(grad_out, A, B):
    """Gradients of C = A @ B with respect to A and B."""
    dA = grad_out @ B.T
    dB = A.T @ grad_out
    return dB, dA
