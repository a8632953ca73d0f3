# fails: Matches A @ B on random matrices
# says: The first outer product (k = 0) is missing
import numpy as np


def outer_product_sum(A, B):
    """C = A @ B, built as the sum over k of the outer products of A[:, k] and B[k, :]."""
    M, K = A.shape
    assert B.shape[0] == K, f"inner sizes differ: {A.shape} @ {B.shape}"
    C = np.zeros((M, B.shape[1]))
    for k in range(1, K):
        C += np.outer(A[:, k], B[k, :])
    return C
