# fails: new_square_avg is the moving average of grad²
# says: alpha weighs the old average
import numpy as np


def rmsprop_step(param, grad, square_avg, lr, alpha, eps):
    s = (1 - alpha) * square_avg + alpha * grad * grad
    return param - lr * grad / (np.sqrt(s) + eps), s
