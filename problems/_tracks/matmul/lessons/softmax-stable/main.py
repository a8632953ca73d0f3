import numpy as np


def softmax_naive(v):
    e = np.exp(v)
    return e / e.sum()


def softmax(v):
    e = np.exp(v - v.max())            # every exponent <= 0: nothing overflows
    return e / e.sum()


x = np.array([1000.0, 999.0, 998.0])
with np.errstate(over="ignore", invalid="ignore"):
    print("naive:", softmax_naive(x).tolist())
print("stable:", softmax(x).round(3).tolist())
