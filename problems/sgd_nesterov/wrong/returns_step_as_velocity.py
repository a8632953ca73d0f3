# fails: new_velocity is momentum · velocity + grad
# says: That is the step direction
import numpy as np


def sgd_nesterov(param, grad, velocity, lr, momentum):
    step = grad + momentum * (momentum * velocity + grad)
    return param - lr * step, step
