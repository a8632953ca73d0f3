def matmul_backward(grad_out, A, B):
    raise KeyboardInterrupt
