import numpy as np


def dropout(x, mask, p, grad_out):
    """Inverted dropout with a given keep-mask: the forward output and the gradient for x."""
    scale = mask / (1.0 - p)  # kept units are scaled up so that the expected output is x
    y = x * scale
    dx = grad_out * scale     # y is linear in x: the same mask, the same scale
    return y, dx
