# fails: First step from zero velocity is plain SGD
# says: Wrong sign: descend
import numpy as np


def sgd_momentum(param, grad, velocity, lr, momentum):
    new_velocity = momentum * velocity + grad
    return param + lr * new_velocity, new_velocity
