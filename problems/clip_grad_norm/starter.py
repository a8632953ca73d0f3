import numpy as np


def clip_grad_norm(dW1, db1, dW2, db2, max_norm):
    """Scale four gradients together so that their global L2 norm is at most max_norm.

    dW1: (H, D), db1: (H,), dW2: (C, H), db2: (C,) gradients
    max_norm: float > 0
    returns: (dW1_clipped, db1_clipped, dW2_clipped, db2_clipped, total_norm): new arrays shaped like
             the inputs, and the global norm before clipping (a float)
    """
    total_norm = 0.0
    return dW1.copy(), db1.copy(), dW2.copy(), db2.copy(), total_norm
