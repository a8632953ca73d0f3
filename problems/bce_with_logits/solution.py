import numpy as np


def bce_with_logits(logits, targets):
    """Mean binary cross-entropy of sigmoid(logits) against targets, and its gradient."""
    z, t = logits, targets
    # log(1 + e^z) - z t, rewritten so that no exponent is positive: stable for any z
    per_entry = np.maximum(z, 0.0) - z * t + np.log1p(np.exp(-np.abs(z)))
    loss = float(np.mean(per_entry))
    e = np.exp(-np.abs(z))  # sigmoid without overflow: e^-|z| is at most 1
    sig = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    dlogits = (sig - t) / z.size
    return loss, dlogits
