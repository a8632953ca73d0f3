import numpy as np

rng = np.random.default_rng(0)
x, g = rng.normal(size=5), rng.normal(size=5)
y = np.exp(x - x.max())
y /= y.sum()

J = np.diag(y) - np.outer(y, y)        # J[i, j] = dy_i / dx_j: V x V
via_jacobian = J.T @ g
via_formula = y * (g - y @ g)          # two vector operations

print("Jacobian and formula agree:", np.allclose(via_jacobian, via_formula))
print("the gradient sums to zero:", abs(via_formula.sum()) < 1e-12)
print(f"Jacobian for V = 50000: {50_000 ** 2 * 8 / 1e9:.1f} GB")
