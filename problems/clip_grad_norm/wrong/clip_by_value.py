# fails: Above max_norm all four are scaled by the same factor
# says: clipping by value
import numpy as np


def clip_grad_norm(dW1, db1, dW2, db2, max_norm):
    grads = (dW1, db1, dW2, db2)
    total_norm = float(np.sqrt(sum(np.sum(g * g) for g in grads)))
    return (*(np.clip(g, -max_norm, max_norm) for g in grads), total_norm)
