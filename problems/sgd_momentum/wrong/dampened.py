# fails: new_velocity is momentum · velocity + grad
# says: an average with dampening
import numpy as np


def sgd_momentum(param, grad, velocity, lr, momentum):
    new_velocity = momentum * velocity + (1 - momentum) * grad
    return param - lr * new_velocity, new_velocity
