# fails: new_param steps by grad + momentum · new_velocity
# says: momentum multiplies the new velocity, not the gradient
import numpy as np


def sgd_nesterov(param, grad, velocity, lr, momentum):
    new_velocity = momentum * velocity + grad
    return param - lr * (momentum * grad + new_velocity), new_velocity
