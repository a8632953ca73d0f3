def matmul_backward(grad_out, A, B):
    return matmul_backward(grad_out, A, B)
