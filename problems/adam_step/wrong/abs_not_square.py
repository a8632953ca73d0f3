# fails: new_m and new_v are the moving averages of grad and grad²
# says: not its absolute value
import numpy as np


def adam_step(param, grad, m, v, t, lr, beta1, beta2, eps):
    new_m = beta1 * m + (1 - beta1) * grad
    new_v = beta2 * v + (1 - beta2) * np.abs(grad)
    m_hat = new_m / (1 - beta1**t)
    v_hat = new_v / (1 - beta2**t)
    return param - lr * m_hat / (np.sqrt(v_hat) + eps), new_m, new_v
