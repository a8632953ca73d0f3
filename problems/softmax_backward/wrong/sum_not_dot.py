# fails: dx matches the explicit Jacobian-vector product
# says: You subtracted sum(grad_out)
import numpy as np


def softmax_backward(grad_out, softmax_out):
    """Gradient of the loss with respect to the logits x, where softmax_out = softmax(x)."""
    y = softmax_out
    dx = y * (grad_out - grad_out.sum())
    return dx
