import numpy as np


def sgd_nesterov(param, grad, velocity, lr, momentum):
    """One step of SGD with Nesterov momentum (PyTorch's form). Pure: returns new arrays.

    param, grad, velocity: (...) arrays of the same shape; velocity is zeros at the start
    lr: float learning rate; momentum: float in [0, 1)
    returns: (new_param, new_velocity), both shaped like param
    """
    new_velocity = momentum * velocity + grad
    new_param = param - lr * new_velocity
    return new_param, new_velocity
