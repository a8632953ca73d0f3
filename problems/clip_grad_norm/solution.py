import numpy as np


def clip_grad_norm(dW1, db1, dW2, db2, max_norm):
    """Scale four gradients together so that their global L2 norm is at most max_norm."""
    grads = (dW1, db1, dW2, db2)
    total_norm = float(np.sqrt(sum(np.sum(g * g) for g in grads)))  # one norm over every entry
    scale = min(1.0, max_norm / (total_norm + 1e-6))  # never scale up; 1e-6 as in PyTorch
    clipped = tuple(g * scale for g in grads)          # the same factor for all: direction kept
    return (*clipped, total_norm)
