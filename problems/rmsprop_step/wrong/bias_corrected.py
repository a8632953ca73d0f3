# fails: From a zero average the first step is lr / √(1 − alpha), with no bias correction
# says: RMSprop has no step counter and no correction
import numpy as np


def rmsprop_step(param, grad, square_avg, lr, alpha, eps):
    s = alpha * square_avg + (1 - alpha) * grad * grad
    return param - lr * grad / (np.sqrt(s / (1 - alpha)) + eps), s
