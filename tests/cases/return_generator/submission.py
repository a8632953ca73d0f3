def matmul_backward(grad_out, A, B):
    return (x for x in grad_out @ B.T), A.T @ grad_out
