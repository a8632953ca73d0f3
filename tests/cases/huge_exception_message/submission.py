def matmul_backward(grad_out, A, B):
    raise ValueError("x" * 4_000_000)
