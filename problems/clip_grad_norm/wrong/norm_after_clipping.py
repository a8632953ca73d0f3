# fails: total_norm is the global norm of all four gradients, before clipping
# says: That is the norm after clipping
import numpy as np


def clip_grad_norm(dW1, db1, dW2, db2, max_norm):
    grads = (dW1, db1, dW2, db2)
    total_norm = float(np.sqrt(sum(np.sum(g * g) for g in grads)))
    clipped = tuple(g * min(1.0, max_norm / (total_norm + 1e-6)) for g in grads)
    return (*clipped, float(np.sqrt(sum(np.sum(g * g) for g in clipped))))
