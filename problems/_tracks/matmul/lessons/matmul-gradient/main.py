import numpy as np

rng = np.random.default_rng(0)
A, B = rng.normal(size=(3, 4)), rng.normal(size=(4, 5))


def loss():
    return np.sin(A @ B).sum()         # a nonlinear loss, so G is not trivial


G = np.cos(A @ B)                      # dL/dC, shape (3, 5)
dA, dB = G @ B.T, A.T @ G


def numeric(X, eps=1e-6):              # central differences, one entry at a time
    d = np.zeros_like(X)
    for idx in np.ndindex(X.shape):
        old = X[idx]
        X[idx] = old + eps; up = loss()
        X[idx] = old - eps; down = loss()
        X[idx] = old
        d[idx] = (up - down) / (2 * eps)
    return d


print("dA:", dA.shape, "dB:", dB.shape)
print("dA matches finite differences:", np.allclose(dA, numeric(A), atol=1e-8))
print("dB matches finite differences:", np.allclose(dB, numeric(B), atol=1e-8))
