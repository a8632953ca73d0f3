import numpy as np


def rmsprop_step(param, grad, square_avg, lr, alpha, eps):
    """One RMSprop step (PyTorch's form, no momentum). Pure: returns new arrays.

    param, grad, square_avg: (...) arrays of the same shape; square_avg is zeros at the start
    lr: float learning rate; alpha: float decay rate in (0, 1); eps: float
    returns: (new_param, new_square_avg), both shaped like param
    """
    return param - lr * grad, square_avg.copy()
