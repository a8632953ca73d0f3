import numpy as np


def embedding_backward(grad_out, ids, V):
    """Gradient of out = W[ids] with respect to the embedding table W."""
    D = grad_out.shape[-1]
    dW = np.zeros((V, D))
    # Scatter-add: every position adds its gradient row to the row of its token.
    # Unlike dW[ids] += grad_out, np.add.at does not lose repeated ids.
    np.add.at(dW, ids, grad_out)
    return dW
