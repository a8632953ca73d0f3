def matmul_backward(grad_out, A, B):
    return 2 * (grad_out @ B.T), 2 * (A.T @ grad_out)
