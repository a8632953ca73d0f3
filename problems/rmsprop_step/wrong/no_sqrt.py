# fails: new_param divides grad by the root of the new average
# says: Divide by the square root of the average
import numpy as np


def rmsprop_step(param, grad, square_avg, lr, alpha, eps):
    s = alpha * square_avg + (1 - alpha) * grad * grad
    return param - lr * grad / (s + eps), s
