import numpy as np


def adamw_step(param, grad, m, v, t, lr, beta1, beta2, eps, weight_decay):
    """One AdamW step at step number t (1 for the first step). Pure: returns new arrays."""
    new_m = beta1 * m + (1 - beta1) * grad         # the moments see the gradient alone
    new_v = beta2 * v + (1 - beta2) * grad * grad
    m_hat = new_m / (1 - beta1**t)
    v_hat = new_v / (1 - beta2**t)
    decayed = param * (1 - lr * weight_decay)      # decoupled: shrink the weights directly
    new_param = decayed - lr * m_hat / (np.sqrt(v_hat) + eps)
    return new_param, new_m, new_v
