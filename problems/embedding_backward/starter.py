import numpy as np


def embedding_backward(grad_out, ids, V):
    """Gradient of out = W[ids] with respect to the embedding table W.

    grad_out: ids.shape + (D,), gradient of the loss with respect to out
    ids: (B,) or (B, T) integers in 0..V-1, the token ids that were looked up (they repeat)
    V: int, the vocabulary size (number of rows of W)
    returns: dW, shape (V, D)
    """
    D = grad_out.shape[-1]
    dW = np.zeros((V, D))
    return dW
