def matmul_backward(grad_out, A, B):
    for i in range(5_000):  # ~70 KB a call: past the 64 KB cap from the first call on
        print("debug line", i)
    return grad_out @ B.T, A.T @ grad_out
