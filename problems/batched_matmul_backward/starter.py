import numpy as np


def batched_matmul_backward(grad_out, A, B):
    """Gradients of C = A @ B (batched, with broadcasting) with respect to A and B.

    grad_out: (*batch, M, N) gradient of the loss with respect to C
    A: (*batch_a, M, K)
    B: (*batch_b, K, N)    batch_a and batch_b broadcast to batch
    returns: (dA, dB) with exactly the shapes of A and B
    """
    dA = np.zeros_like(A)
    dB = np.zeros_like(B)
    return dA, dB
