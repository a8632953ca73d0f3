def matmul_backwards(grad_out, A, B):
    return grad_out @ B.T, A.T @ grad_out
