import numpy as np


def matmul(A, B):
    """C = A @ B with three loops over Python lists."""
    M, K = len(A), len(A[0])
    K2, N = len(B), len(B[0])
    assert K == K2, f"inner sizes differ: A is ({M}, {K}), B is ({K2}, {N})"
    C = [[0] * N for _ in range(M)]
    for i in range(M):
        for j in range(N):
            for k in range(K):
                C[i][j] += A[i][k] * B[k][j]
    return C


A = [[1, 2, 3], [4, 5, 6]]
B = [[7, 8], [9, 10], [11, 12]]
C = matmul(A, B)
assert C == (np.array(A) @ np.array(B)).tolist()  # NumPy agrees
print(C)
