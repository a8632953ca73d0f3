import time


def matmul_backward(grad_out, A, B):
    time.sleep(1.5)
    return grad_out @ B.T, A.T @ grad_out
