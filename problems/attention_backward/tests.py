import numpy as np

from grader.testing import assert_close, numerical_gradient, rng


def softmax(x):
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def forward(Q, K, V, causal=False):
    """The forward pass the gradients belong to: (out, attn)."""
    S = np.einsum("bhtd,bhsd->bhts", Q, K) / np.sqrt(Q.shape[-1])
    if causal:
        T, Sk = S.shape[-2:]
        S = np.where(np.triu(np.ones((T, Sk), dtype=bool), k=1), -np.inf, S)
    A = softmax(S)
    return A @ V, A


def case(seed, b, h, t, s, d, dv, causal=False, scale=1.0):
    """grad_out, Q, K, V and the attn a forward pass saved."""
    g = rng(seed)
    Q, K = scale * g.standard_normal((b, h, t, d)), scale * g.standard_normal((b, h, s, d))
    V, G = g.standard_normal((b, h, s, dv)), g.standard_normal((b, h, t, dv))
    return G, Q, K, V, forward(Q, K, V, causal)[1]


def reference(G, Q, K, V, A):
    """Written with einsum, index by index, to stay independent of the @-based solution."""
    d = Q.shape[-1]
    dV = np.einsum("bhts,bhtj->bhsj", A, G)
    dA = np.einsum("bhtj,bhsj->bhts", G, V)
    dS = A * (dA - np.einsum("bhts,bhts->bht", A, dA)[..., None])
    dQ = np.einsum("bhts,bhsi->bhti", dS, K) / np.sqrt(d)
    dK = np.einsum("bhts,bhti->bhsi", dS, Q) / np.sqrt(d)
    return dQ, dK, dV


def close(a, b):
    return a.shape == b.shape and np.allclose(a, b, atol=1e-9, rtol=1e-9)


def T_(x):
    return x.swapaxes(-1, -2)


def maybe(make):
    """A candidate mistake that exists only for some shapes (T = S): None when it does not."""
    try:
        return make()
    except ValueError:
        return None


def diagnose(name, got, G, Q, K, V, A):
    """Name the mistake if one gradient matches a known wrong formula; else say what it should be."""
    d = Q.shape[-1]
    r = np.sqrt(d)
    dA = G @ T_(V)
    dS = A * (dA - (dA * A).sum(-1, keepdims=True))
    no_dot = A * dA
    SCALE = (f"The 1/√d of the forward pass is missing: S = Q Kᵀ / √d, so dQ and dK both carry a factor "
             f"1/√d = 1/√{d}.")
    NODOT = ("Your softmax backward has no row-wise dot term: dS = attn * (dA − (dA * attn).sum(-1, "
             "keepdims=True)). All weights of a row share one denominator; attn * dA alone is only the diagonal "
             "of each row's Jacobian.")
    if name == "dQ":
        mistakes = [(dS @ K, SCALE), (dS @ K / d, f"You divided by d = {d}; the scale is 1/√d."),
                    (no_dot @ K / r, NODOT), (no_dot @ K, NODOT + " The 1/√d is missing as well.")]
        want = "dQ should be dS @ K / √d, with dS the softmax backward of dA = grad_out @ Vᵀ."
    elif name == "dK":
        mistakes = [(T_(dS) @ Q, SCALE), (T_(dS) @ Q / d, f"You divided by d = {d}; the scale is 1/√d."),
                    (T_(no_dot) @ Q / r, NODOT), (T_(no_dot) @ Q, NODOT + " The 1/√d is missing as well."),
                    (maybe(lambda: dS @ Q / r), "dS @ Q pairs each key with the wrong query: dK = dSᵀ @ Q / √d, "
                                 "(S, T) @ (T, d), with dSᵀ = dS.swapaxes(-1, -2).")]
        want = "dK should be dS.swapaxes(-1, -2) @ Q / √d: key s collects Σ_t dS[t, s] Q[t]."
    else:
        mistakes = [(maybe(lambda: A @ G), "dV = attnᵀ @ grad_out, not attn @ grad_out: value s was used by every query t "
                            "with weight attn[t, s], so it collects Σ_t attn[t, s] grad_out[t]."),
                    (dA, "That is dA, the gradient of the weights; dV = attn.swapaxes(-1, -2) @ grad_out.")]
        want = "dV should be attn.swapaxes(-1, -2) @ grad_out."
    with np.errstate(all="ignore"):
        for wrong, hint in mistakes:
            if wrong is not None and wrong.shape == got.shape and close(got, wrong):
                return hint
    return want


def check_shapes(out, Q, K, V):
    for name, got, x, label in zip(("dQ", "dK", "dV"), out, (Q, K, V), ("(B, H, T, d)", "(B, H, S, d)",
                                                                      "(B, H, S, d_v)")):
        if got.shape == x.shape:
            continue
        hint = ""
        if got.shape == T_(x).shape:
            hint = (f" It is {name} with its last two axes swapped: for dK, Qᵀ @ dS is (d, S); "
                    "dK = dS.swapaxes(-1, -2) @ Q is (S, d).") if name == "dK" else \
                   " Its last two axes are swapped: check the order of the product."
        raise AssertionError(f"{name} has shape {got.shape}; expected the shape of {name[1:]}, {label} = "
                             f"{x.shape}.{hint}")


CROSS = [(2, 2, 3, 5, 4, 2), (1, 3, 4, 2, 3, 6)]          # T ≠ S, d ≠ d_v
SQUARE = [(2, 2, 2, 2, 2, 2), (1, 2, 4, 4, 4, 4)]          # every transpose has the right shape here


def test_shapes(f):
    """Returns dQ, dK, dV with the shapes of Q, K, V"""
    for seed, dims in enumerate(CROSS + [(1, 1, 1, 1, 1, 1), (2, 1, 3, 3, 5, 1)]):
        G, Q, K, V, A = case(seed, *dims)
        check_shapes(f(G, Q, K, V, A), Q, K, V)


def test_dV(f):
    """dV matches attnᵀ @ grad_out"""
    for seed, dims in enumerate(SQUARE + CROSS):
        G, Q, K, V, A = case(10 + seed, *dims)
        out = f(G, Q, K, V, A)
        check_shapes(out, Q, K, V)
        dV = out[2]
        assert_close(dV, reference(G, Q, K, V, A)[2], "dV", hint=lambda: diagnose("dV", dV, G, Q, K, V, A))


def test_dQ(f):
    """dQ matches dS @ K / √d"""
    for seed, dims in enumerate(SQUARE + CROSS + [(1, 2, 3, 3, 16, 2)]):
        G, Q, K, V, A = case(20 + seed, *dims)
        out = f(G, Q, K, V, A)
        check_shapes(out, Q, K, V)
        dQ = out[0]
        assert_close(dQ, reference(G, Q, K, V, A)[0], "dQ", hint=lambda: diagnose("dQ", dQ, G, Q, K, V, A))


def test_dK(f):
    """dK matches dSᵀ @ Q / √d"""
    for seed, dims in enumerate(SQUARE + CROSS + [(1, 2, 3, 3, 16, 2)]):
        G, Q, K, V, A = case(30 + seed, *dims)
        out = f(G, Q, K, V, A)
        check_shapes(out, Q, K, V)
        dK = out[1]
        assert_close(dK, reference(G, Q, K, V, A)[1], "dK", hint=lambda: diagnose("dK", dK, G, Q, K, V, A))


def test_causal(f):
    """Causal attention: masked weights pass no gradient"""
    for seed, dims in enumerate([(2, 2, 5, 5, 4, 3), (1, 1, 3, 3, 2, 2)]):
        G, Q, K, V, A = case(40 + seed, *dims, causal=True)
        out = f(G, Q, K, V, A)
        check_shapes(out, Q, K, V)
        want = reference(G, Q, K, V, A)
        for i, name in enumerate(("dQ", "dK", "dV")):
            got = out[i]
            assert_close(got, want[i], name,
                         hint=lambda: "The saved attn has zeros above the diagonal; with dS = attn * (…) those "
                                      "entries give no gradient, with no mask code needed. "
                                      + diagnose(name, got, G, Q, K, V, A))


def test_keys_gradient_sums_to_zero(f):
    """Diagnostic: dK sums to zero over the keys"""
    G, Q, K, V, A = case(50, 2, 2, 4, 6, 3, 2)
    out = f(G, Q, K, V, A)
    check_shapes(out, Q, K, V)
    dK = out[1]
    assert_close(dK.sum(axis=-2), np.zeros(Q.shape[:2] + (Q.shape[-1],)), "dK.sum(axis=-2)",
                 hint=lambda: "Adding the same vector to every key adds one constant to each row of scores, which "
                              "the softmax ignores, so the key gradients must cancel. "
                              + diagnose("dK", dK, G, Q, K, V, A))


def test_finite_differences(f):
    """Diagnostic: matches finite-difference numerical gradient"""
    G, Q, K, V, A = case(60, 1, 2, 3, 4, 3, 2)
    out = f(G, Q, K, V, A)
    check_shapes(out, Q, K, V)
    nums = (numerical_gradient(lambda Q_: np.sum(G * forward(Q_, K, V)[0]), Q),
            numerical_gradient(lambda K_: np.sum(G * forward(Q, K_, V)[0]), K),
            numerical_gradient(lambda V_: np.sum(G * forward(Q, K, V_)[0]), V))
    for i, name in enumerate(("dQ", "dK", "dV")):
        got = out[i]
        assert_close(got, nums[i], name, atol=1e-5, rtol=1e-5,
                     hint=lambda: "Compared with a finite-difference estimate for L = sum(grad_out * out). "
                                  + diagnose(name, got, G, Q, K, V, A))
