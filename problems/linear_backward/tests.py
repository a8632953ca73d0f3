import numpy as np

from grader.testing import assert_close, numerical_gradient, rng

SHAPES = [(4, 3, 2), (1, 5, 3), (6, 2, 7), (16, 8, 4)]  # (B, D_in, D_out); B != D_out where it matters


def case(seed, n, d_in, d_out):
    g = rng(seed)
    return (g.standard_normal((n, d_out)), g.standard_normal((n, d_in)),
            g.standard_normal((d_in, d_out)), g.standard_normal(d_out))


def db_shape_hint(shape, n, d_out):
    if shape == ():
        return " A single number: that sums over everything. Sum over the batch only, axis=0."
    if shape == (n,) and n != d_out:
        return (" That is one number per example: the sum ran over axis 1, the features. b has one entry per "
                "output feature, so sum over the batch, axis=0.")
    if shape == (1, d_out):
        return " db must have the shape of b, (D_out,): drop keepdims=True."
    if shape == (n, d_out):
        return (" That is the shape of grad_out: b was added to every row, so sum the rows' contributions, "
                "grad_out.sum(axis=0).")
    return ""


def check_shapes(dx, dW, db, x, W, b):
    n, d_in, d_out = x.shape[0], x.shape[1], W.shape[1]
    for name, got, want in (("dx", dx, x), ("dW", dW, W)):
        if got.shape != want.shape:
            hint = " It looks transposed: check which operand gets the .T." if got.shape == want.shape[::-1] else ""
            raise AssertionError(f"{name} has shape {got.shape}, expected {want.shape} (the shape of "
                                 f"{name[1:]}) for B = {n}, D_in = {d_in}, D_out = {d_out}.{hint}")
    if db.shape != b.shape:
        raise AssertionError(f"db has shape {db.shape}, expected {b.shape} (the shape of b) for B = {n}, "
                             f"D_out = {d_out}." + db_shape_hint(db.shape, n, d_out))


def test_shapes(f):
    """Returns dx, dW, db shaped like x, W, b"""
    for seed, shape in enumerate(SHAPES):
        G, x, W, b = case(seed, *shape)
        check_shapes(*f(G, x, W, b), x, W, b)


def test_dx(f):
    """dx matches grad_out @ W.T"""
    for seed, shape in enumerate(SHAPES):
        G, x, W, b = case(10 + seed, *shape)
        dx, _, _ = f(G, x, W, b)
        assert_close(dx, G @ W.T, "dx", hint="dx should be grad_out @ W.T, as dA in matmul_backward: "
                     "the bias does not change it.")


def test_dW(f):
    """dW matches x.T @ grad_out, summed over the batch"""
    for seed, shape in enumerate(SHAPES):
        G, x, W, b = case(20 + seed, *shape)
        _, dW, _ = f(G, x, W, b)
        want = x.T @ G
        hint = "dW should be x.T @ grad_out."
        if shape[0] > 1 and dW.shape == want.shape and np.allclose(dW, want / shape[0], atol=1e-9):
            hint = (f"dW is {shape[0]} (= B) times too small: x.T @ grad_out already sums over the batch, "
                    "and that sum is the gradient. Do not divide by B: any 1/B of the loss is inside grad_out.")
        assert_close(dW, want, "dW", hint=hint)


def test_db(f):
    """db is grad_out summed over the batch"""
    for seed, (n, d_in, d_out) in enumerate(SHAPES):
        G, x, W, b = case(30 + seed, n, d_in, d_out)
        _, _, db = f(G, x, W, b)
        if db.shape != b.shape:
            raise AssertionError(f"db has shape {db.shape}, expected {b.shape}." + db_shape_hint(db.shape, n, d_out))
        want = G.sum(axis=0)
        hint = "db should be grad_out.sum(axis=0): b is added to every row of x @ W, so every row contributes."
        if n > 1 and np.allclose(db, G.mean(axis=0), atol=1e-9):
            hint = (f"db is B = {n} times too small: that is grad_out.mean(axis=0). b is added to every one of the "
                    f"{n} rows, so its gradient is the sum of their contributions, grad_out.sum(axis=0). If the "
                    "loss is a mean, its 1/B is already inside grad_out.")
        assert_close(db, want, "db", hint=hint)


def test_bias_value_irrelevant(f):
    """The gradients do not depend on the value of b"""
    G, x, W, b = case(40, 5, 4, 3)
    first = f(G, x, W, b)
    second = f(G, x, W, 100.0 * b + 7.0)
    for name, g1, g2 in zip(("dx", "dW", "db"), first, second):
        assert_close(g2, g1, name, atol=1e-12, rtol=1e-12,
                     hint="Changing b changed this gradient, but y = x @ W + b is linear in b with slope 1: "
                     "none of the gradients involves b's value.")


def test_finite_differences(f):
    """Diagnostic: matches finite-difference numerical gradient"""
    G, x, W, b = case(50, 3, 4, 2)
    dx, dW, db = f(G, x, W, b)
    check_shapes(dx, dW, db, x, W, b)
    loss = lambda x_, W_, b_: np.sum(G * (x_ @ W_ + b_))
    checks = (("dx", dx, numerical_gradient(lambda v: loss(v, W, b), x)),
              ("dW", dW, numerical_gradient(lambda v: loss(x, v, b), W)),
              ("db", db, numerical_gradient(lambda v: loss(x, W, v), b)))
    for name, got, num in checks:
        assert_close(got, num, name, atol=1e-3, rtol=1e-3,
                     hint=f"Compared with a finite-difference estimate of dL/d{name[1:]}.")
