import numpy as np


def accumulate_gradients(grads, sizes):
    """The gradient of the mean loss over a whole batch, from its micro-batches' mean gradients."""
    n = sizes.astype(np.float64)
    # each grads[i] is a mean over sizes[i] examples: n_i * grads[i] is that micro-batch's sum
    weights = n / n.sum()
    return np.tensordot(weights, grads, axes=1)  # sum_i (n_i / N) grads[i]
