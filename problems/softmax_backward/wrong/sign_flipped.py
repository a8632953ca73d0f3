# fails: dx matches the explicit Jacobian-vector product
# says: the wrong sign
import numpy as np


def softmax_backward(grad_out, softmax_out):
    """Gradient of the loss with respect to the logits x, where softmax_out = softmax(x)."""
    y = softmax_out
    dx = y * (y @ grad_out - grad_out)
    return dx
