import numpy as np


def adam_step(param, grad, m, v, t, lr, beta1, beta2, eps):
    """One Adam step at step number t (1 for the first step). Pure: returns new arrays."""
    new_m = beta1 * m + (1 - beta1) * grad         # moving average of the gradient
    new_v = beta2 * v + (1 - beta2) * grad * grad  # moving average of its square
    m_hat = new_m / (1 - beta1**t)                 # bias correction: both started at 0
    v_hat = new_v / (1 - beta2**t)
    new_param = param - lr * m_hat / (np.sqrt(v_hat) + eps)  # eps outside the square root
    return new_param, new_m, new_v
