# fails: total_norm is the global norm of all four gradients, before clipping
# says: That is the sum of the four arrays' norms
import numpy as np


def clip_grad_norm(dW1, db1, dW2, db2, max_norm):
    grads = (dW1, db1, dW2, db2)
    total_norm = float(sum(np.linalg.norm(g) for g in grads))
    scale = min(1.0, max_norm / (total_norm + 1e-6))
    return (*(g * scale for g in grads), total_norm)
