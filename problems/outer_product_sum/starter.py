import numpy as np


def outer_product_sum(A, B):
    """C = A @ B, built as the sum over k of the outer products of A[:, k] and B[k, :].

    A: (M, K)
    B: (K, N)
    returns: C with shape (M, N)
    """
    M, K = A.shape
    N = B.shape[1]
    C = np.zeros((M, N))
    for k in range(K):
        pass  # add the k-th outer product to C
    return C
