# fails: First step moves every entry by about lr, against its gradient's sign
# says: There is no bias correction
import numpy as np


def adam_step(param, grad, m, v, t, lr, beta1, beta2, eps):
    new_m = beta1 * m + (1 - beta1) * grad
    new_v = beta2 * v + (1 - beta2) * grad * grad
    return param - lr * new_m / (np.sqrt(new_v) + eps), new_m, new_v
