# fails: dW matches grad_out.T @ x, in W's (D_out, D_in) layout
# says: dW is transposed
import numpy as np


def linear_layer(x, W, b, grad_out):
    # "fixes" the shape error by reshaping instead of transposing the right product
    dW = (x.T @ grad_out).reshape(W.shape) if W.shape[0] != W.shape[1] else x.T @ grad_out
    return x @ W.T + b, grad_out @ W, dW, grad_out.sum(axis=0)
