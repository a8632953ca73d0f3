# fails: Returns dW of shape (V, D)
# says: It is transposed
import numpy as np


def embedding_backward(grad_out, ids, V):
    D = grad_out.shape[-1]
    X = np.eye(V)[ids.reshape(-1)]
    return grad_out.reshape(-1, D).T @ X
