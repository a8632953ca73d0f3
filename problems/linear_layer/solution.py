import numpy as np


def linear_layer(x, W, b, grad_out):
    """Forward and backward of y = x @ W.T + b, with W stored (D_out, D_in) as in torch.nn.Linear."""
    y = x @ W.T + b
    dx = grad_out @ W          # (B, D_out) @ (D_out, D_in)
    dW = grad_out.T @ x        # (D_out, B) @ (B, D_in): W's own layout
    db = grad_out.sum(axis=0)  # b is broadcast over the batch: sum, not mean
    return y, dx, dW, db
