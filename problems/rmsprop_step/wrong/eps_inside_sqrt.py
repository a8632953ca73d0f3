# fails: eps is added after the square root
# says: eps belongs outside the square root
import numpy as np


def rmsprop_step(param, grad, square_avg, lr, alpha, eps):
    s = alpha * square_avg + (1 - alpha) * grad * grad
    return param - lr * grad / np.sqrt(s + eps), s
