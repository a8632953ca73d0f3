# fails: new_param decays the old weights, then takes the Adam step
# says: The decay was applied after the Adam step
import numpy as np


def adamw_step(param, grad, m, v, t, lr, beta1, beta2, eps, weight_decay):
    new_m = beta1 * m + (1 - beta1) * grad
    new_v = beta2 * v + (1 - beta2) * grad * grad
    m_hat = new_m / (1 - beta1**t)
    v_hat = new_v / (1 - beta2**t)
    stepped = param - lr * m_hat / (np.sqrt(v_hat) + eps)
    return stepped * (1 - lr * weight_decay), new_m, new_v
