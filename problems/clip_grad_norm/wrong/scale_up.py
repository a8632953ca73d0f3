# fails: Below max_norm the gradients pass unchanged
# says: clipping only shrinks
import numpy as np


def clip_grad_norm(dW1, db1, dW2, db2, max_norm):
    grads = (dW1, db1, dW2, db2)
    total_norm = float(np.sqrt(sum(np.sum(g * g) for g in grads)))
    scale = max_norm / (total_norm + 1e-6)
    return (*(g * scale for g in grads), total_norm)
