import numpy as np

print("loading my module")


def matmul_backward(grad_out, A, B):
    print("shapes:", grad_out.shape, A.shape, B.shape)
    return np.zeros_like(A), A.T @ grad_out
