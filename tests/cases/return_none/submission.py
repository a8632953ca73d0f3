def matmul_backward(grad_out, A, B):
    dA = grad_out @ B.T
    dB = A.T @ grad_out
