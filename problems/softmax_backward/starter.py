import numpy as np


def softmax_backward(grad_out, softmax_out):
    """Gradient of the loss with respect to the logits x, where softmax_out = softmax(x).

    grad_out: (V,) gradient of the loss with respect to the softmax output
    softmax_out: (V,) the softmax output y saved by the forward pass
    returns: dx, shape (V,)
    """
    dx = np.zeros_like(softmax_out)
    return dx
