# fails: Repeated ids add up (not the last write)
# says: the last write wins
import numpy as np


def embedding_backward(grad_out, ids, V):
    dW = np.zeros((V, grad_out.shape[-1]))
    dW[ids] += grad_out
    return dW
