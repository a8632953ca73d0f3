# fails: Above max_norm all four are scaled by the same factor
# says: Each array was clipped to max_norm on its own
import numpy as np


def clip_grad_norm(dW1, db1, dW2, db2, max_norm):
    grads = (dW1, db1, dW2, db2)
    total_norm = float(np.sqrt(sum(np.sum(g * g) for g in grads)))
    clipped = tuple(g * min(1.0, max_norm / (np.linalg.norm(g) + 1e-6)) for g in grads)
    return (*clipped, total_norm)
