# fails: Returns two arrays with correct shapes
# says: check which operand is transposed
import numpy as np


def matmul_backward(grad_out, A, B):
    """Gradients of C = A @ B with respect to A and B."""
    dA = grad_out @ B.T
    dB = grad_out.T @ A
    return dA, dB
