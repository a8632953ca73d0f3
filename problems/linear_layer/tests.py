import numpy as np

from grader.testing import assert_close, numerical_gradient, rng

# (B, D_in, D_out): size-1 axes, square layers (D_in = D_out) and B equal to both
SHAPES = [(4, 3, 2), (1, 5, 1), (3, 3, 3), (6, 2, 4), (2, 4, 4), (1, 1, 1)]
SHAPES.append(tuple(int(n) for n in rng(907).integers(1, 7, size=3)))  # and one drawn at random (seeded)


def case(seed, B, d_in, d_out):
    g = rng(seed)
    return (g.standard_normal((B, d_in)), g.standard_normal((d_out, d_in)),
            g.standard_normal(d_out), g.standard_normal((B, d_out)))


def close(a, b):
    return np.shape(a) == np.shape(b) and np.allclose(a, b, atol=1e-10, rtol=1e-10)


def shape_message(name, got, want, what):
    msg = f"{name} has shape {got}, expected {want} ({what})"
    if got == want[::-1] and len(want) == 2:
        msg += (". It is transposed: W is stored (D_out, D_in) here, as in torch.nn.Linear, so its "
                "gradient is grad_out.T @ x, not x.T @ grad_out")
    elif name == "db" and len(got) == 1:
        msg += ". db has one entry per output unit: sum grad_out over the batch, axis 0"
    return msg + "."


def test_shapes(f):
    """Returns y, dx, dW, db with the shapes of y, x, W, b"""
    for seed, (B, d_in, d_out) in enumerate(SHAPES):
        x, W, b, G = case(seed, B, d_in, d_out)
        out = f(x, W, b, G)
        wants = [((B, d_out), "the shape of y: one row per example, one column per output"),
                 ((B, d_in), "the shape of x"), ((d_out, d_in), "the shape of W"), ((d_out,), "the shape of b")]
        for name, got, (want, what) in zip(["y", "dx", "dW", "db"], out, wants):
            if got.shape != want:
                raise AssertionError(shape_message(name, got.shape, want, what))


def test_forward(f):
    """y matches x @ W.T + b"""
    for seed, (B, d_in, d_out) in enumerate(SHAPES):
        x, W, b, G = case(10 + seed, B, d_in, d_out)
        y = f(x, W, b, G)[0]

        def hint():
            if close(y, x @ W.T):
                return "The bias is missing: add b to every row."
            if d_in == d_out and close(y, x @ W + b):
                return "That is x @ W + b: with W stored (D_out, D_in), the product is x @ W.T."
            return "y should be x @ W.T + b."
        assert_close(y, x @ W.T + b, "y", hint=hint)


def test_dx(f):
    """dx matches grad_out @ W"""
    for seed, (B, d_in, d_out) in enumerate(SHAPES):
        x, W, b, G = case(20 + seed, B, d_in, d_out)
        dx = f(x, W, b, G)[1]
        hint = lambda: ("That is grad_out @ W.T, the formula for the (D_in, D_out) layout: here W is "
                        "(D_out, D_in), so dx = grad_out @ W." if d_in == d_out and close(dx, G @ W.T)
                        else "dx should be grad_out @ W: each output's gradient times that output's row of W.")
        assert_close(dx, G @ W, "dx", hint=hint)


def test_dW(f):
    """dW matches grad_out.T @ x, in W's (D_out, D_in) layout"""
    square_first = sorted(SHAPES, key=lambda s: s[1] != s[2])  # where a wrong transpose keeps the shape
    for seed, (B, d_in, d_out) in enumerate(square_first):
        x, W, b, G = case(30 + seed, B, d_in, d_out)
        dW = f(x, W, b, G)[2]
        want = G.T @ x

        def hint():
            if close(dW, want.T):
                return ("dW is transposed: x.T @ grad_out is (D_in, D_out), which only fits here because "
                        "the layer is square. W is stored (D_out, D_in): dW = grad_out.T @ x.")
            if B > 1 and close(dW, want / B):
                return f"That is the mean over the batch: every example adds its share, so sum (B = {B})."
            return "dW should be grad_out.T @ x: row j is Σ_i grad_out[i, j] · x[i]."
        assert_close(dW, want, "dW", hint=hint)


def test_db(f):
    """db sums grad_out over the batch"""
    for seed, (B, d_in, d_out) in enumerate(SHAPES):
        x, W, b, G = case(40 + seed, B, d_in, d_out)
        db = f(x, W, b, G)[3]

        def hint():
            if B > 1 and close(db, G.mean(axis=0)):
                return (f"That is the mean over the batch, 1/B = 1/{B} of the answer. The same b is added to "
                        "every row, so every example contributes its full grad_out: sum over axis 0. If the "
                        "loss is a mean, its 1/B is already inside grad_out.")
            if B == d_out and close(db, G.sum(axis=1)):
                return "You summed over axis 1 (the outputs); b is broadcast over the batch, axis 0."
            return "db should be grad_out.sum(axis=0)."
        assert_close(db, G.sum(axis=0), "db", hint=hint)


def test_finite_differences(f):
    """Diagnostic: matches finite-difference numerical gradient"""
    x, W, b, G = case(50, 3, 3, 3)
    _, dx, dW, db = f(x, W, b, G)
    L = lambda x_, W_, b_: np.sum(G * (x_ @ W_.T + b_))
    for name, got, num in [("dx", dx, numerical_gradient(lambda v: L(v, W, b), x)),
                           ("dW", dW, numerical_gradient(lambda v: L(x, v, b), W)),
                           ("db", db, numerical_gradient(lambda v: L(x, W, v), b))]:
        assert_close(got, num, name, atol=1e-6, rtol=1e-5,
                     hint=f"Compared with a finite-difference estimate of dL/{name[1:]} for "
                          "L = sum(grad_out * (x @ W.T + b)), a square layer (3 × 3, batch of 3).")
