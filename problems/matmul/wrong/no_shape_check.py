# fails: Mismatched inner sizes raise an error
# says: the inner sizes 3 and 4 differ, so A @ B does not exist
import numpy as np


def matmul(A, B):
    """The matrix product C = A @ B, computed with explicit loops."""
    M, K = A.shape
    K2, N = B.shape
    C = np.zeros((M, N))
    for i in range(M):
        for j in range(N):
            total = 0.0
            for k in range(K):
                total += A[i, k] * B[k, j]
            C[i, j] = total
    return C
