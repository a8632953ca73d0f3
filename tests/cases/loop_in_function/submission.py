def matmul_backward(grad_out, A, B):
    while True:
        pass
