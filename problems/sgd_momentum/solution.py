import numpy as np


def sgd_momentum(param, grad, velocity, lr, momentum):
    """One step of SGD with momentum (PyTorch's convention). Pure: returns new arrays."""
    new_velocity = momentum * velocity + grad  # a decaying sum of past gradients
    new_param = param - lr * new_velocity      # step with the velocity that includes this gradient
    return new_param, new_velocity
