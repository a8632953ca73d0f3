import numpy as np

from grader.testing import LearnerRaised, assert_close, numerical_gradient, random_cases, rng

SIZES = [3, 1, 8, 100]


def softmax(x):
    e = np.exp(x - x.max())
    return e / e.sum()


def case(seed, v):
    """grad_out, the softmax output y and the logits x it came from."""
    g = rng(seed)
    x = 2.0 * g.standard_normal(v)
    return g.standard_normal(v), softmax(x), x


def jacobian_vector_product(grad_out, y):
    J = np.diag(y) - np.outer(y, y)  # J[i, j] = dy_i / dx_j
    return J.T @ grad_out


def diagnose(dx, grad_out, y):
    """Name the mistake if dx matches a known wrong formula; else say what dx should be."""
    s = y @ grad_out
    mistakes = [
        (y * (1 - y) * grad_out,
         "That is only the diagonal of the Jacobian, y * (1 − y) * grad_out: every y_i also depends "
         "on x_j through the shared denominator, which adds the −y_i y_j terms off the diagonal."),
        (grad_out - s,
         "The factor y is missing: dx = y * (grad_out − dot(y, grad_out))."),
        (y * (grad_out - grad_out.sum()),
         "You subtracted sum(grad_out); the scalar to subtract is the y-weighted sum dot(y, grad_out)."),
        (y * grad_out,
         "That is only the numerator's part, y * grad_out: the shared denominator adds "
         "−y * dot(y, grad_out)."),
        (y * grad_out - (y @ y) * grad_out.sum(),
         "Your Jacobian has the scalar y @ y where the outer product belongs: for a 1-D array .T does "
         "nothing, so y @ y.T is a dot product. The outer product y yᵀ is np.outer(y, y)."),
    ]
    for wrong, hint in mistakes:
        if np.allclose(dx, wrong, atol=1e-9, rtol=1e-9):
            return hint
    return ("dx should be y * (grad_out − dot(y, grad_out)): the softmax Jacobian "
            "diag(y) − y yᵀ applied to grad_out.")


def explain(name, dx, grad_out, softmax_out):
    """The diagnosis of a wrong dx, for Run examples as for the hidden tests."""
    return diagnose(dx, grad_out, softmax_out) if dx.shape == softmax_out.shape else ""


def test_shape(f):
    """Returns an array shaped like softmax_out"""
    for seed, v in enumerate(SIZES + [1000]):
        G, y, _ = case(seed, v)
        dx = f(G, y)
        if dx.shape == (v,):
            continue
        if dx.ndim == 0:
            hint = (" A single number: dot(y, grad_out) is only the shared scalar; dx needs one entry "
                    "per logit.")
        elif dx.shape == (v, v) and v > 1:
            hint = (" That is V × V, the size of the Jacobian itself: dx is its product with grad_out "
                    "(and you do not need the Jacobian at all).")
        elif dx.size == v:
            hint = (" The right number of entries with an extra axis: a [:, None], np.outer or "
                    "keepdims=True crept in. Keep dx 1-D.")
        else:
            hint = ""
        raise AssertionError(f"dx has shape {dx.shape}, expected {(v,)} (the shape of softmax_out).{hint}")


def test_jacobian_vector_product(f):
    """dx matches the explicit Jacobian-vector product

    Derive: dx matches the true gradient on random inputs
    """
    def make(g, v):
        x = 2.0 * g.standard_normal(v)
        return g.standard_normal(v), softmax(x)

    random_cases(f, make, lambda dx, G, y: assert_close(dx, jacobian_vector_product(G, y), "dx",
                                                        hint=lambda: diagnose(dx, G, y)),
                 seed=10, dims="v", count=5)


def test_finite_differences(f):
    """Diagnostic: matches finite-difference numerical gradient"""
    G, y, x = case(20, 6)
    dx = f(G, y)
    num = numerical_gradient(lambda x_: G @ softmax(x_), x)
    assert_close(dx, num, "dx", atol=1e-5, rtol=1e-5,
                 hint="Compared with a finite-difference estimate of dL/dx, where "
                      "L = dot(grad_out, softmax(x)). " + diagnose(dx, G, y))


def test_sums_to_zero(f):
    """dx sums to zero"""
    for seed, v in enumerate(SIZES[:3] + [1000]):
        G, y, _ = case(30 + seed, v)
        dx = f(G, y)
        if dx.shape != y.shape:
            raise AssertionError(f"dx has shape {dx.shape}, expected {y.shape} (the shape of softmax_out).")
        assert_close(np.sum(dx), 0.0, "sum(dx)",
                     hint="Softmax does not change when every logit shifts by the same amount, so "
                          "the gradient can have no component along that direction: its entries must "
                          "sum to 0. If you compute y * (grad_out − s), its sum is dot(y, grad_out) − s: "
                          "zero only for s = dot(y, grad_out). " + diagnose(dx, G, y))


def test_constant_grad(f):
    """Constant grad_out gives zero"""
    for seed, (v, c) in enumerate([(5, 1.0), (8, -3.5), (1, 2.0)]):
        _, y, _ = case(40 + seed, v)
        G = np.full(v, c)
        dx = f(G, y)
        assert_close(dx, np.zeros(v), "dx",
                     hint=f"With grad_out = {c:g} everywhere the loss only sees {c:g} · sum(y) = {c:g}, "
                          "whatever the logits, so the gradient must be zero. " + diagnose(dx, G, y))


def test_no_jacobian_matrix(f):
    """Works in O(V) memory, without forming the V × V Jacobian"""
    # Trustless by size: at V = 40,000 one V × V float64 matrix is 12.8 GB, more than the
    # learner's interpreter may allocate (4 GB: wasm32 in the browser, an address-space limit
    # in CPython), while the vectors an O(V) answer needs are 320 KB each.
    v = 40_000
    G, y, _ = case(60, v)
    try:
        dx = f(G, y)
    except LearnerRaised as e:
        if e.kind not in ("MemoryError", "ValueError", "_ArrayMemoryError"):
            raise
        raise AssertionError(
            f"For V = {v:,} your function ran out of memory ({e.kind}): a V × V matrix is "
            f"{v * v * 8 / 1e9:.1f} GB, for an answer that is one vector of {v * 8 / 1e3:.0f} KB. "
            "Apply the Jacobian without building it: Jᵀ grad_out = y * (grad_out − dot(y, grad_out)), "
            "O(V) time and memory, which is what makes a 50,000-word vocabulary affordable.") from None
    assert_close(dx, y * (G - y @ G), "dx", hint=lambda: diagnose(dx, G, y))
