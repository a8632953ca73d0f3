import numpy as np


def matmul_backward(grad_out, A, B):
    big = np.ones((200_000, 200_000))
    return big, big
