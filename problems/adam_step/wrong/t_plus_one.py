# fails: First step moves every entry by about lr, against its gradient's sign
# says: Off by one
import numpy as np


def adam_step(param, grad, m, v, t, lr, beta1, beta2, eps):
    new_m = beta1 * m + (1 - beta1) * grad
    new_v = beta2 * v + (1 - beta2) * grad * grad
    m_hat = new_m / (1 - beta1 ** (t + 1))  # counts the step as if t started at 0
    v_hat = new_v / (1 - beta2 ** (t + 1))
    return param - lr * m_hat / (np.sqrt(v_hat) + eps), new_m, new_v
