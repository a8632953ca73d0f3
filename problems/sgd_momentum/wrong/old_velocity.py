# fails: new_param steps by −lr times the new velocity
# says: You stepped with the old velocity
import numpy as np


def sgd_momentum(param, grad, velocity, lr, momentum):
    new_param = param - lr * velocity
    new_velocity = momentum * velocity + grad
    return new_param, new_velocity
