# fails: Small example: [[1, 2], [3, 4]] times [[5, 6], [7, 8]]
# says: that sums to A.T @ B.T
import numpy as np


def outer_product_sum(A, B):
    """C = A @ B, built as the sum over k of the outer products of A[:, k] and B[k, :]."""
    M, K = A.shape
    assert B.shape[0] == K, f"inner sizes differ: {A.shape} @ {B.shape}"
    C = np.zeros((M, B.shape[1]))
    for k in range(K):
        C += np.outer(A[k, :], B[:, k])
    return C
