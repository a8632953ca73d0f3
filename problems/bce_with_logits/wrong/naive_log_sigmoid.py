# fails: Stable for logits of magnitude 1000
# says: Never compute log(sigmoid(z))
import numpy as np


def bce_with_logits(logits, targets):
    p = 1.0 / (1.0 + np.exp(-logits))
    loss = float(np.mean(-targets * np.log(p) - (1 - targets) * np.log(1 - p)))
    return loss, (p - targets) / logits.size
