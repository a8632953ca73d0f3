# fails: Matches np.matmul on random matrices
# says: C holds whole numbers only
import numpy as np


def matmul(A, B):
    """The matrix product C = A @ B, computed with explicit loops."""
    M, K = A.shape
    K2, N = B.shape
    assert K == K2, f"inner sizes differ: A is {A.shape}, B is {B.shape}"
    C = np.zeros((M, N), dtype=int)
    for i in range(M):
        for j in range(N):
            total = 0.0
            for k in range(K):
                total += A[i, k] * B[k, j]
            C[i, j] = total
    return C
