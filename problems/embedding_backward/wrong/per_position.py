# fails: Returns dW of shape (V, D)
# says: the gradient belongs to the table W
import numpy as np


def embedding_backward(grad_out, ids, V):
    return grad_out.copy()
