# fails: m and v see the gradient alone, not the decay
# says: that is Adam with L2
import numpy as np


def adamw_step(param, grad, m, v, t, lr, beta1, beta2, eps, weight_decay):
    g = grad + weight_decay * param
    new_m = beta1 * m + (1 - beta1) * g
    new_v = beta2 * v + (1 - beta2) * g * g
    m_hat = new_m / (1 - beta1**t)
    v_hat = new_v / (1 - beta2**t)
    return param * (1 - lr * weight_decay) - lr * m_hat / (np.sqrt(v_hat) + eps), new_m, new_v
