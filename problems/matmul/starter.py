import numpy as np


def matmul(A, B):
    """The matrix product C = A @ B, computed with explicit loops.

    A: (M, K)
    B: (K, N)
    returns: C with shape (M, N); raise an error if the inner sizes differ
    """
    M, K = A.shape
    N = B.shape[1]
    C = np.zeros((M, N))
    return C
