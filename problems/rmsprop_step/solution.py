import numpy as np


def rmsprop_step(param, grad, square_avg, lr, alpha, eps):
    """One RMSprop step (PyTorch's form, no momentum). Pure: returns new arrays."""
    new_square_avg = alpha * square_avg + (1 - alpha) * grad * grad  # moving average of grad²
    new_param = param - lr * grad / (np.sqrt(new_square_avg) + eps)  # eps outside the square root
    return new_param, new_square_avg
