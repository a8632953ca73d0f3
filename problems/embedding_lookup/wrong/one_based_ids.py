# fails: Matches one_hot(ids) @ W
# says: ids are 0-based
import numpy as np


def embedding_lookup(W, ids):
    """The rows of W selected by ids: equal to one_hot(ids) @ W, without the one-hot."""
    return W[np.clip(ids - 1, 0, None)]
