import numpy as np

from grader.testing import assert_close, numerical_gradient, rng


def case(seed, v, d, ids_shape):
    g = rng(seed)
    ids = g.integers(0, v, size=ids_shape)
    return g.standard_normal(ids_shape + (d,)), ids


def reference(G, ids, V):
    """dW = one_hot(ids)ᵀ @ G, written as the product to stay independent of np.add.at."""
    X = (ids.reshape(-1)[:, None] == np.arange(V)).astype(np.float64)  # (N, V)
    return X.T @ G.reshape(-1, G.shape[-1])


def close(a, b):
    return a.shape == b.shape and np.allclose(a, b, atol=1e-12, rtol=1e-12)


def diagnose(dW, G, ids, V):
    """Name the mistake if dW matches a known wrong gradient; else say what it should be."""
    D = G.shape[-1]
    flat_ids, flat_G = ids.reshape(-1), G.reshape(-1, D)
    last_write = np.zeros((V, D))
    last_write[flat_ids] += flat_G  # the buffered fancy-index bug itself
    counts = np.bincount(flat_ids, minlength=V)[:, None]
    want = reference(G, ids, V)
    if close(dW, last_write):
        return ("Repeated ids lost their gradient: dW[ids] += grad_out writes each repeated row once, "
                "the last write wins. Use np.add.at(dW, ids, grad_out), which adds every occurrence.")
    if close(dW, want / np.maximum(counts, 1)):
        return ("You averaged over the occurrences of each token; the gradient is their sum: a token "
                "used k times influences the loss k times.")
    if close(dW, (counts > 0) * want.sum(axis=0)):
        return "Every used row got the sum over all positions: add only the positions holding that token."
    return ("Row v of dW should be the sum of grad_out over the positions where ids == v: "
            "np.add.at(dW, ids, grad_out), or one_hot(ids).T @ grad_out.")


def check_shape(dW, G, ids, V):
    D = G.shape[-1]
    if dW.shape == (V, D):
        return
    hint = ""
    if dW.shape == (D, V):
        hint = " It is transposed: one_hot(ids).T @ grad_out has one row per token."
    elif dW.shape == G.shape:
        hint = (" That is the shape of grad_out: the gradient belongs to the table W, one row per "
                "token of the vocabulary, not one per position.")
    raise AssertionError(f"dW has shape {dW.shape} for V = {V} and grad_out of shape {G.shape}; expected "
                         f"(V, D) = {(V, D)}, the shape of the embedding table.{hint}")


def test_shape(f):
    """Returns dW of shape (V, D)"""
    for seed, (v, d, shape) in enumerate([(10, 4, (6,)), (4, 7, (5,)), (5, 5, (3, 5)), (50, 1, (1,)),
                                          (3, 2, (2, 1))]):
        G, ids = case(seed, v, d, shape)
        check_shape(f(G, ids, v), G, ids, v)


def test_distinct_ids(f):
    """Distinct ids: each row of grad_out goes to its token's row"""
    g = rng(10)
    for v, d in [(8, 3), (5, 5), (1, 4)]:
        ids = g.permutation(v)[: max(1, v // 2)]
        G = g.standard_normal((len(ids), d))
        dW = f(G, ids, v)
        check_shape(dW, G, ids, v)
        assert_close(dW, reference(G, ids, v), "dW", hint=lambda: diagnose(dW, G, ids, v))


def test_repeated_ids(f):
    """Repeated ids add up (not the last write)"""
    g = rng(20)
    for ids in (np.array([3, 3, 3, 1]), np.array([7, 2, 7, 2, 7]), np.array([0, 0])):
        G = g.standard_normal((len(ids), 4))
        dW = f(G, ids, 10)
        check_shape(dW, G, ids, 10)
        assert_close(dW, reference(G, ids, 10), "dW",
                     hint=lambda: "A token looked up k times sends back k gradient rows, and they add up. "
                                  + diagnose(dW, G, ids, 10))


def test_unused_rows_zero(f):
    """Tokens that were never looked up get zero gradient"""
    G, ids = case(30, 20, 3, (6,))
    dW = f(G, ids, 20)
    check_shape(dW, G, ids, 20)
    unused = np.setdiff1d(np.arange(20), ids)
    assert_close(dW[unused], np.zeros((len(unused), 3)), "dW at unused tokens", atol=1e-12,
                 hint="A row of W that was never read cannot change the loss.")


def test_2d_ids(f):
    """Batched ids (B, T) with grad_out (B, T, D)"""
    for seed, (v, d, shape) in enumerate([(6, 4, (3, 5)), (30, 8, (4, 2)), (2, 3, (1, 6)), (4, 4, (4, 4))]):
        G, ids = case(40 + seed, v, d, shape)
        dW = f(G, ids, v)
        check_shape(dW, G, ids, v)
        assert_close(dW, reference(G, ids, v), "dW",
                     hint=lambda: "Every (b, t) position adds grad_out[b, t] to row ids[b, t]. "
                                  + diagnose(dW, G, ids, v))


def test_finite_differences(f):
    """Diagnostic: matches finite-difference numerical gradient"""
    g = rng(50)
    V, D = 5, 3
    W = g.standard_normal((V, D))
    ids = np.array([[1, 4, 1], [1, 0, 4]])
    G = g.standard_normal((2, 3, D))
    dW = f(G, ids, V)
    check_shape(dW, G, ids, V)
    num = numerical_gradient(lambda W_: np.sum(G * W_[ids]), W)
    assert_close(dW, num, "dW", atol=1e-5, rtol=1e-5,
                 hint="Compared with a finite-difference estimate of dL/dW for L = sum(grad_out * W[ids]). "
                      + diagnose(dW, G, ids, V))
