import numpy as np

from grader.testing import assert_close, assert_true, numerical_gradient, rng


def forward(x, w, S, P):
    K = w.shape[2]
    L_out = (x.shape[2] + 2 * P - K) // S + 1
    xp = np.pad(x, ((0, 0), (0, 0), (P, P)))
    return np.stack([np.einsum("ock,nck->no", w, xp[:, :, t * S : t * S + K]) for t in range(L_out)], axis=-1)


def padded_grads(G, x, w, S, P, accumulate=True, step=None):
    """The gradient of the padded input, and dw: one window at a time."""
    step = S if step is None else step
    K = w.shape[2]
    xp = np.pad(x, ((0, 0), (0, 0), (P, P)))
    dxp, dw = np.zeros_like(xp), np.zeros_like(w)
    for t in range(G.shape[2]):
        window = slice(t * step, t * step + K)
        dw += np.einsum("no,nck->ock", G[:, :, t], xp[:, :, t * S : t * S + K])
        contribution = np.einsum("no,ock->nck", G[:, :, t], w)
        if accumulate:
            dxp[:, :, window] += contribution
        else:
            dxp[:, :, window] = contribution
    return dxp, dw


def reference(G, x, w, S, P):
    dxp, dw = padded_grads(G, x, w, S, P)
    return dxp[:, :, P : P + x.shape[2]], dw


def full_correlation(G, x, w, S, P, flip):
    """dx as 'pad the (dilated) grad_out by K − 1 and correlate with the kernel': right only flipped."""
    N, C_out, L_out = G.shape
    K, Lp = w.shape[2], x.shape[2] + 2 * P
    gd = np.zeros((N, C_out, Lp + 2 * (K - 1)))
    gd[:, :, K - 1 : K - 1 + S * (L_out - 1) + 1 : S] = G
    wk = w[:, :, ::-1] if flip else w
    dxp = np.stack([np.einsum("nok,ock->nc", gd[:, :, i : i + K], wk) for i in range(Lp)], axis=-1)
    return dxp[:, :, P : P + x.shape[2]]


FIXED = [  # N, C_in, C_out, L, K, S, P
    (2, 3, 2, 7, 3, 1, 0), (1, 1, 1, 1, 1, 1, 0), (1, 1, 1, 2, 3, 1, 1), (3, 2, 2, 5, 5, 1, 0),
    (2, 2, 3, 8, 3, 2, 1), (1, 3, 1, 9, 2, 3, 1), (2, 1, 2, 6, 4, 2, 3), (2, 2, 2, 7, 3, 1, 2),
]


def configs(seed, k=3):
    g = rng(seed)
    out = list(FIXED)
    for _ in range(k):
        K = int(g.integers(1, 5))
        P = int(g.integers(0, K))
        L = int(g.integers(max(1, K - 2 * P), 11))
        out.append((int(g.integers(1, 4)), int(g.integers(1, 4)), int(g.integers(1, 4)), L, K,
                    int(g.integers(1, 4)), P))
    return out


def case(seed, n, c_in, c_out, L, K, S, P):
    g = rng(seed)
    L_out = (L + 2 * P - K) // S + 1
    return g.standard_normal((n, c_out, L_out)), g.standard_normal((n, c_in, L)), g.standard_normal((c_out, c_in, K))


def close(a, b):
    return a.shape == b.shape and np.allclose(a, b, atol=1e-9, rtol=1e-7)


def diagnose_dx(dx, G, x, w, S, P):
    L = x.shape[2]
    dxp = padded_grads(G, x, w, S, P)[0]
    mistakes = [
        (full_correlation(G, x, w, S, P, flip=False),
         "You correlated the padded grad_out with the kernel as it is: the gradient with respect to "
         "the input is a true convolution, so flip the kernel (w[:, :, ::-1]), or scatter each "
         "window's w · grad_out back with +=."),
        (dxp[:, :, :L] if P else None,
         "Your dx is shifted: cut the padding off both ends, dx_padded[:, :, padding : padding + L], "
         "not the first L entries."),
        (dxp[:, :, 2 * P:] if P else None,
         "Your dx is shifted: cut `padding` entries from each end, not 2·padding from the start."),
        (padded_grads(G, x, w, S, P, accumulate=False)[0][:, :, P : P + L],
         "Where windows overlap, one input gets several contributions: add them with +=, do not "
         "overwrite."),
        (padded_grads(G, x, w, S, P, step=1)[0][:, :, P : P + L] if S > 1 else None,
         "The stride is missing: window t starts at t·stride, so its gradient goes back there."),
    ]
    for wrong, hint in mistakes:
        if wrong is not None and close(dx, wrong):
            return hint
    return ("dx_padded[n, c, t·stride + k] += Σ_o grad_out[n, o, t] · w[o, c, k] over every window t "
            "and offset k, then dx = dx_padded[:, :, padding : padding + L].")


def diagnose_dw(dw, G, x, w, S, P):
    want = reference(G, x, w, S, P)[1]
    mistakes = [
        (want / G.shape[0], "That is the mean over the batch: every example uses the same filters, "
                            "so sum over the batch."),
        (want[:, :, ::-1], "Your dw is flipped: dw[o, c, k] pairs grad_out[n, o, t] with "
                           "x_padded[n, c, t·stride + k]."),
        (want / G.shape[2], "That is the mean over positions: the filter is used at every position, "
                            "so sum over them."),
    ]
    for wrong, hint in mistakes:
        if close(dw, wrong):
            return hint
    return "dw[o, c, k] = Σ_n Σ_t grad_out[n, o, t] · x_padded[n, c, t·stride + k]."


def test_shapes(f):
    """Returns dx shaped like x and dw shaped like w"""
    for seed, cfg in enumerate(configs(1)):
        G, x, w = case(seed, *cfg)
        dx, dw = f(G, x, w, cfg[5], cfg[6])
        hint = (" — that is the padded length: cut `padding` entries off each end."
                if dx.ndim == 3 and dx.shape[2] == x.shape[2] + 2 * cfg[6] != x.shape[2] else "")
        assert_true(dx.shape == x.shape, f"dx has shape {dx.shape}, expected {x.shape} (the shape of x){hint}")
        assert_true(dw.shape == w.shape, f"dw has shape {dw.shape}, expected {w.shape} (the shape of w).")


def test_dw(f):
    """dw sums window × grad_out over the batch and every position"""
    for seed, cfg in enumerate(configs(2)):
        G, x, w = case(100 + seed, *cfg)
        S, P = cfg[5], cfg[6]
        _, dw = f(G, x, w, S, P)
        assert_close(dw, reference(G, x, w, S, P)[1], "dw",
                     hint=lambda: f"(L = {cfg[3]}, K = {cfg[4]}, stride = {S}, padding = {P}) "
                                  + diagnose_dw(dw, G, x, w, S, P))


def test_dx(f):
    """dx sends grad_out back through every window (the kernel flipped)"""
    for seed, cfg in enumerate(configs(3)):
        G, x, w = case(200 + seed, *cfg)
        S, P = cfg[5], cfg[6]
        dx, _ = f(G, x, w, S, P)
        assert_close(dx, reference(G, x, w, S, P)[0], "dx",
                     hint=lambda: f"(L = {cfg[3]}, K = {cfg[4]}, stride = {S}, padding = {P}) "
                                  + diagnose_dx(dx, G, x, w, S, P))


def test_uncovered_tail(f):
    """Inputs that no window reaches get zero gradient"""
    G, x, w = case(300, 2, 2, 2, 7, 2, 3, 0)  # L = 7, K = 2, stride 3: windows at 0–1 and 3–4
    dx, _ = f(G, x, w, 3, 0)
    assert_true(dx.shape == x.shape, f"dx has shape {dx.shape}, expected {x.shape}.")
    assert_close(dx, reference(G, x, w, 3, 0)[0], "dx",
                 hint="With L = 7, K = 2, stride 3 the windows cover positions 0–1 and 3–4: positions "
                      "2, 5 and 6 never reach the output, so their gradient is exactly 0. "
                      + diagnose_dx(dx, G, x, w, 3, 0))


def test_finite_differences(f):
    """Diagnostic: matches finite-difference numerical gradients"""
    G, x, w = case(400, 2, 2, 3, 6, 3, 2, 1)
    dx, dw = f(G, x, w, 2, 1)
    hint = "Compared with a finite-difference estimate of L = sum(grad_out · conv1d(x, w)). "
    num_dx = numerical_gradient(lambda x_: np.sum(G * forward(x_, w, 2, 1)), x)
    assert_close(dx, num_dx, "dx", atol=1e-5, rtol=1e-5, hint=lambda: hint + diagnose_dx(dx, G, x, w, 2, 1))
    num_dw = numerical_gradient(lambda w_: np.sum(G * forward(x, w_, 2, 1)), w)
    assert_close(dw, num_dw, "dw", atol=1e-5, rtol=1e-5, hint=lambda: hint + diagnose_dw(dw, G, x, w, 2, 1))
