import numpy as np


def label_smoothing_ce(logits, targets, epsilon):
    """Mean cross-entropy against label-smoothed targets, and its gradient (PyTorch's convention)."""
    B, C = logits.shape
    rows = np.arange(B)
    q = np.full((B, C), epsilon / C)       # every class gets epsilon / C ...
    q[rows, targets] += 1.0 - epsilon      # ... and the target the remaining 1 - epsilon
    m = logits.max(axis=1, keepdims=True)  # log-sum-exp after subtracting the row max
    e = np.exp(logits - m)
    s = e.sum(axis=1, keepdims=True)
    log_p = logits - m - np.log(s)         # log-softmax, never log(0)
    loss = float(-np.mean(np.sum(q * log_p, axis=1)))
    dlogits = (e / s - q) / B              # softmax minus the smoothed target, over B
    return loss, dlogits
