# fails: From zero velocity the first step is lr · (1 + momentum) · grad
# says: That is plain momentum
import numpy as np


def sgd_nesterov(param, grad, velocity, lr, momentum):
    new_velocity = momentum * velocity + grad
    return param - lr * new_velocity, new_velocity
