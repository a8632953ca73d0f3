import math


def matmul_flops(shape_a, shape_b):
    """FLOPs of np.matmul(A, B) for A of shape shape_a and B of shape shape_b.

    shape_a: tuple (*batch_a, M, K)
    shape_b: tuple (*batch_b, K, N)
    returns: flops, a Python int, 2*M*K*N times the broadcast batch size;
             raise an error if the shapes are incompatible
    """
    M, K = shape_a[-2], shape_a[-1]
    N = shape_b[-1]
    return M * K * N
