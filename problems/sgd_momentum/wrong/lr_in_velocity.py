# fails: First step from zero velocity is plain SGD
# says: The learning rate crept into the velocity
import numpy as np


def sgd_momentum(param, grad, velocity, lr, momentum):
    new_velocity = momentum * velocity + lr * grad
    return param - new_velocity, new_velocity
