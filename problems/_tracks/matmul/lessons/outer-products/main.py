import numpy as np

rng = np.random.default_rng(0)
M, K, N = 6, 2, 6
A, B = rng.normal(size=(M, K)), rng.normal(size=(K, N))

C = np.zeros((M, N))
for k in range(K):
    C += np.outer(A[:, k], B[k, :])   # one rank-1 matrix per inner index

print(np.allclose(C, A @ B))
print("rank of A @ B:", np.linalg.matrix_rank(A @ B))
