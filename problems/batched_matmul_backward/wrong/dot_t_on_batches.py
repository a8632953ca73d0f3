# fails: Same batch axes, no broadcasting
# says: That is grad_out @ B.T: on an array with batch axes, .T reverses every axis
import numpy as np


def unbroadcast(grad, shape):
    """Sum grad over the axes along which an array of this shape was broadcast."""
    grad = grad.sum(axis=tuple(range(grad.ndim - len(shape))))  # axes added on the left
    stretched = tuple(i for i, n in enumerate(shape) if n == 1 and grad.shape[i] != 1)
    return grad.sum(axis=stretched, keepdims=True) if stretched else grad


def batched_matmul_backward(grad_out, A, B):
    """Gradients of C = A @ B (batched, with broadcasting) with respect to A and B."""
    dA = grad_out @ B.T
    dB = A.T @ grad_out
    return unbroadcast(dA, A.shape), unbroadcast(dB, B.shape)
