import numpy as np


def sgd_nesterov(param, grad, velocity, lr, momentum):
    """One step of SGD with Nesterov momentum (PyTorch's form). Pure: returns new arrays."""
    new_velocity = momentum * velocity + grad  # as in plain momentum
    update = grad + momentum * new_velocity    # look ahead: the gradient plus where momentum goes next
    new_param = param - lr * update
    return new_param, new_velocity
