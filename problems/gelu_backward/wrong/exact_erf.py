# fails: dx matches the derivative of the tanh-approximated GELU
# says: derivative of the exact GELU
import math

import numpy as np


def gelu_backward(grad_out, x):
    cdf = 0.5 * (1.0 + np.vectorize(math.erf)(x / math.sqrt(2.0)))
    pdf = np.exp(-0.5 * x * x) / math.sqrt(2.0 * math.pi)
    return grad_out * (cdf + x * pdf)
