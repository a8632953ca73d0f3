import numpy as np


def matmul_backward(grad_out, A, B):
    dA = np.einsum("mn,kn->mk", grad_out, B)
    dB = np.einsum("mk,mn->kn", A, grad_out)
    return dA, dB
