# fails: A zero gradient still shrinks the weights by lr · weight_decay
# says: that is Adam with L2
import numpy as np


def adamw_step(param, grad, m, v, t, lr, beta1, beta2, eps, weight_decay):
    grad = grad + weight_decay * param  # L2 folded into the gradient: Adam + L2, not AdamW
    new_m = beta1 * m + (1 - beta1) * grad
    new_v = beta2 * v + (1 - beta2) * grad * grad
    m_hat = new_m / (1 - beta1**t)
    v_hat = new_v / (1 - beta2**t)
    return param - lr * m_hat / (np.sqrt(v_hat) + eps), new_m, new_v
