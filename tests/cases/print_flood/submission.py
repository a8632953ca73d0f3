def matmul_backward(grad_out, A, B):
    for i in range(20_000):
        print("debug line", i)
    return grad_out @ B.T, A.T @ grad_out
