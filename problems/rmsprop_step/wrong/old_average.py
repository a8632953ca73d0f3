# fails: new_param divides grad by the root of the new average
# says: The step used the old square_avg
import numpy as np


def rmsprop_step(param, grad, square_avg, lr, alpha, eps):
    new_param = param - lr * grad / (np.sqrt(square_avg) + eps)
    return new_param, alpha * square_avg + (1 - alpha) * grad * grad
