import numpy as np


def matmul_backward(grad_out, A, B):
    """Gradients of C = A @ B with respect to A and B.

    grad_out: (M, N) gradient of the loss with respect to C
    A: (M, K)
    B: (K, N)
    returns: (dA, dB) with shapes (M, K) and (K, N)
    """
    dA = np.zeros_like(A)
    dB = np.zeros_like(B)
    return dA, dB
