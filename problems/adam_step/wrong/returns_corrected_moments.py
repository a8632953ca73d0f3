# fails: new_m and new_v are the moving averages of grad and grad²
# says: That is the bias-corrected m̂
import numpy as np


def adam_step(param, grad, m, v, t, lr, beta1, beta2, eps):
    m_hat = (beta1 * m + (1 - beta1) * grad) / (1 - beta1**t)
    v_hat = (beta2 * v + (1 - beta2) * grad * grad) / (1 - beta2**t)
    return param - lr * m_hat / (np.sqrt(v_hat) + eps), m_hat, v_hat
