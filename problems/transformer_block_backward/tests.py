import numpy as np

from grader.testing import assert_close, numerical_gradient, rng

EPS = 1e-5
NAMES = ("dx", "dWq", "dWk", "dWv", "dWo")


def split(x, H):
    B, T, D = x.shape
    return x.reshape(B, T, H, D // H).transpose(0, 2, 1, 3)


def merge(x):
    B, H, T, d = x.shape
    return x.transpose(0, 2, 1, 3).reshape(B, T, H * d)


def layer_norm(x):
    return (x - x.mean(-1, keepdims=True)) / np.sqrt(x.var(-1, keepdims=True) + EPS)


def attention(q, k, v, causal=True):
    T, d = q.shape[-2:]
    S = np.einsum("bhtd,bhsd->bhts", q, k) / np.sqrt(d)
    if causal:
        S = np.where(np.triu(np.ones((T, T), dtype=bool), k=1), -np.inf, S)
    e = np.exp(S - S.max(-1, keepdims=True))
    A = e / e.sum(-1, keepdims=True)
    return A @ v, A


def forward(x, Wq, Wk, Wv, Wo, H):
    h = layer_norm(x)
    o, _ = attention(split(h @ Wq, H), split(h @ Wk, H), split(h @ Wv, H))
    return x + merge(o) @ Wo


def backward(G, x, Wq, Wk, Wv, Wo, H, residual=True, ln="full", causal=True, scale=True):
    """The reference, written with einsum; the keywords rebuild the classic mistakes for diagnose()."""
    D = x.shape[-1]
    d = D // H
    mu = x.mean(-1, keepdims=True)
    r = 1.0 / np.sqrt(x.var(-1, keepdims=True) + EPS)
    h = (x - mu) * r
    q, k, v = split(h @ Wq, H), split(h @ Wk, H), split(h @ Wv, H)
    o, A = attention(q, k, v, causal)
    a = merge(o)
    dWo = np.einsum("bti,btj->ij", a, G)
    do = split(np.einsum("btj,ij->bti", G, Wo), H)
    dv = np.einsum("bhts,bhti->bhsi", A, do)
    dA = np.einsum("bhti,bhsi->bhts", do, v)
    dS = A * (dA - (A * dA).sum(-1, keepdims=True))
    c = 1 / np.sqrt(d) if scale else 1.0
    dq, dk = c * np.einsum("bhts,bhsi->bhti", dS, k), c * np.einsum("bhts,bhti->bhsi", dS, q)
    dq, dk, dv = merge(dq), merge(dk), merge(dv)
    dWq, dWk, dWv = (np.einsum("bti,btj->ij", h, g) for g in (dq, dk, dv))
    dh = dq @ Wq.T + dk @ Wk.T + dv @ Wv.T
    if ln == "full":
        dx_ln = r * (dh - dh.mean(-1, keepdims=True) - h * (dh * h).mean(-1, keepdims=True))
    elif ln == "rstd":
        dx_ln = r * dh
    else:
        dx_ln = dh
    dx = (G if residual else 0) + dx_ln
    return dx, dWq, dWk, dWv, dWo


def case(seed, b, t, h, d):
    g = rng(seed)
    D = h * d
    x = 1.0 + 2.0 * g.standard_normal((b, t, D))      # a nonzero mean, so LayerNorm has work to do
    Ws = [g.standard_normal((D, D)) / np.sqrt(D) for _ in range(4)]
    return g.standard_normal((b, t, D)), x, *Ws, h


def close(a, b):
    return a.shape == b.shape and np.allclose(a, b, atol=1e-8, rtol=1e-8)


def diagnose(i, got, args):
    """Name the mistake if output i matches a known wrong backward pass; else say what it should be."""
    G, x = args[0], args[1]
    mistakes = [
        (dict(residual=False), "The residual path is missing: y = x + …, so grad_out reaches x directly and "
                               "adds to what comes back through LayerNorm, dx = grad_out + dx_ln."),
        (dict(ln="none"), "LayerNorm was treated as the identity: its backward is "
                          "dx_ln = rstd · (dh − mean(dh) − h · mean(dh · h)), means over the last axis."),
        (dict(ln="rstd"), "Only rstd · dh: LayerNorm's backward also subtracts the mean of dh and the component "
                          "along h, because μ and σ depend on x too: rstd · (dh − mean(dh) − h · mean(dh · h))."),
        (dict(causal=False), "The attention is not causal: the forward pass masks the keys s > t (−∞ before the "
                             "softmax), and the backward pass must use those masked weights."),
        (dict(scale=False), "The 1/√d of the scores is missing from dq and dk (d = D / H, the head size)."),
    ]
    for kw, hint in mistakes:
        wrong = backward(*args, **kw)[i]
        if not close(wrong, backward(*args)[i]) and close(got, wrong):
            return hint
    D, H = x.shape[-1], args[-1]
    B, T = x.shape[:2]
    if i > 0 and B > 1 and close(got, backward(*args)[i] / (B * T)):
        return "Weight gradients are sums over every (b, t), not means: the 1/N of a mean loss is already in grad_out."
    return {0: "dx = grad_out + LayerNorm backward of dh, with dh = dq Wqᵀ + dk Wkᵀ + dv Wvᵀ.",
            1: "dWq = Σ_(b,t) hᵀ dq, with dq the merged query gradient from attention_backward.",
            2: "dWk = Σ_(b,t) hᵀ dk, with dk the merged key gradient from attention_backward.",
            3: "dWv = Σ_(b,t) hᵀ dv, with dv the merged value gradient from attention_backward.",
            4: "dWo = Σ_(b,t) aᵀ grad_out, with a = merge(attention output), flattened to (B·T, D)."}[i]


def check_shapes(out, args):
    for name, got, want in zip(NAMES, out, args[1:6]):
        if got.shape != want.shape:
            raise AssertionError(f"{name} has shape {got.shape}; expected {want.shape}, the shape of {name[1:]}."
                                 + (" A weight gradient sums over the batch and the tokens: flatten to (B·T, D) "
                                    "before the product." if name != "dx" and got.ndim == 3 else ""))


def check(f, args, which=range(5), prefix=""):
    out = f(*args)
    check_shapes(out, args)
    want = backward(*args)
    for i in which:
        got = out[i]
        assert_close(got, want[i], NAMES[i], hint=lambda: prefix + diagnose(i, got, args))


def test_shapes(f):
    """Returns dx and four weight gradients with the shapes of x and the weights"""
    for seed, dims in enumerate([(2, 3, 1, 4), (1, 1, 2, 2), (3, 4, 4, 2)]):
        args = case(seed, *dims)
        check_shapes(f(*args), args)


def test_dWo(f):
    """dWo matches Σ aᵀ grad_out"""
    for seed, dims in enumerate([(2, 3, 1, 4), (1, 4, 2, 3)]):
        check(f, case(10 + seed, *dims), which=[4])


def test_residual_only(f):
    """With Wo = 0 only the residual carries gradient to x"""
    G, x, Wq, Wk, Wv, Wo, H = case(20, 2, 3, 2, 2)
    args = (G, x, Wq, Wk, Wv, np.zeros_like(Wo), H)
    check(f, args, which=[0, 1, 2, 3],
          prefix="With Wo = 0 the attention branch gets no gradient: dx = grad_out exactly, and dWq = dWk = dWv = 0. ")


def test_dWv(f):
    """dWv matches Σ hᵀ dv"""
    for seed, dims in enumerate([(2, 3, 1, 4), (1, 4, 2, 3)]):
        check(f, case(30 + seed, *dims), which=[3])


def test_dWq_dWk(f):
    """dWq and dWk match Σ hᵀ dq and Σ hᵀ dk"""
    for seed, dims in enumerate([(2, 3, 1, 4), (1, 4, 2, 3), (2, 5, 4, 2)]):
        check(f, case(40 + seed, *dims), which=[1, 2])


def test_dx(f):
    """dx matches grad_out + the LayerNorm backward of dh"""
    for seed, dims in enumerate([(2, 3, 1, 4), (1, 4, 2, 3), (2, 5, 4, 2), (1, 1, 1, 3)]):
        check(f, case(50 + seed, *dims), which=[0])


def test_finite_differences(f):
    """Diagnostic: matches finite-difference numerical gradient"""
    args = case(60, 2, 3, 2, 2)
    G, x, Wq, Wk, Wv, Wo, H = args
    out = f(*args)
    check_shapes(out, args)
    L = lambda x_=x, Wq_=Wq, Wk_=Wk, Wv_=Wv, Wo_=Wo: np.sum(G * forward(x_, Wq_, Wk_, Wv_, Wo_, H))
    nums = (numerical_gradient(lambda a: L(x_=a), x), numerical_gradient(lambda a: L(Wq_=a), Wq),
            numerical_gradient(lambda a: L(Wk_=a), Wk), numerical_gradient(lambda a: L(Wv_=a), Wv),
            numerical_gradient(lambda a: L(Wo_=a), Wo))
    for i in range(5):
        got = out[i]
        assert_close(got, nums[i], NAMES[i], atol=1e-5, rtol=1e-5,
                     hint=lambda: "Compared with a finite-difference estimate for L = sum(grad_out * y). "
                                  + diagnose(i, got, args))
