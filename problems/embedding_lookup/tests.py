import numpy as np

from grader.testing import assert_close, rng


def case(seed, v, d, ids_shape):
    g = rng(seed)
    return g.standard_normal((v, d)), g.integers(0, v, size=ids_shape)


def one_hot(ids, v):
    return (ids[..., None] == np.arange(v)).astype(np.float64)


def shape_hint(out, W, ids):
    """Why out has the wrong shape, when the shape gives it away."""
    V, D = W.shape
    uniq = np.unique(ids)
    if out.shape == ids.shape:
        return (" One number per id: np.take(W, ids) without axis=0 (or W.flat[ids]) indexes the "
                "flattened table. Take whole rows: W[ids], or np.take(W, ids, axis=0).")
    if ids.ndim == 2 and out.shape == (ids.size, D):
        return (" ids was flattened to (B·T,) and the result not reshaped back. W[ids] keeps the layout "
                "of ids by itself; with a one-hot, np.eye(V)[ids] has shape (B, T, V).")
    if ids.ndim == 2 and out.shape in ((ids.shape[0], D), (ids.shape[1], D)):
        return (" An axis of ids is gone: the lookup replaces every id by its row; it does not sum or "
                "average the rows of a sequence.")
    if len(uniq) < ids.size and out.shape == (len(uniq), D):
        return (" One row per distinct id: np.unique (or a set) drops the repeats and sorts. Every "
                "position of ids gets its own row, repeats included.")
    if ids.ndim == 2 and out.shape == ids.shape[::-1] + (D,):
        return " The axes of ids came out transposed: keep ids as it is, W[ids]."
    if out.shape == (V,) + ids.shape and V != D:
        return (" W[:, ids] selects columns of W; an embedding is a row, W[ids] (or W[ids, :]). "
                "Column j of W is not a token: it holds feature j of every token.")
    if out.shape == ids.shape + (V,) and V != D:
        return (" The last axis has length V, the vocabulary size, not D: that is either one_hot(ids) "
                "without the product with W, or rows of W.T. The output rows are rows of W.")
    return ""


def diagnose(out, W, ids):
    """Name the mistake if out matches a known wrong lookup; else say what out should be."""
    V = W.shape[0]
    close = lambda a: out.shape == a.shape and np.allclose(out, a, atol=1e-12, rtol=1e-12)
    if close(W[ids - 1]):
        return ("Every row is the one before the right one: ids are 0-based, row 0 of W is token 0. "
                "Use W[ids], not W[ids − 1].")
    if ids.max() < V - 1 and close(W[ids + 1]):
        return "Every row is the one after the right one: ids are 0-based, use W[ids], not W[ids + 1]."
    if ids.ndim == 1 and close(W[np.sort(ids)]):
        return "The rows are right but sorted by id: keep the order of ids, W[ids]."
    return "out should be W[ids]: one row of W per id, in the layout of ids."


def check_shape(out, W, ids):
    want = ids.shape + (W.shape[1],)
    if out.shape != want:
        raise AssertionError(f"out has shape {out.shape} for W of shape {W.shape} and ids of shape "
                             f"{ids.shape}; expected {want}, the shape of ids followed by D = "
                             f"{W.shape[1]}.{shape_hint(out, W, ids)}")


def test_shape(f):
    """Returns shape ids.shape + (D,)"""
    for seed, (v, d, shape) in enumerate([(10, 4, (6,)), (4, 7, (5,)), (10, 4, (3, 5)),
                                          (50, 8, (1,)), (6, 3, (2, 1))]):
        W, ids = case(seed, v, d, shape)
        check_shape(f(W, ids), W, ids)


def test_indexing(f):
    """Matches W[ids]"""
    for seed, (v, d, b) in enumerate([(10, 4, 6), (100, 16, 32), (4, 7, 5), (3, 1, 2)]):
        W, ids = case(10 + seed, v, d, (b,))
        out = f(W, ids)
        check_shape(out, W, ids)
        assert_close(out, W[ids], "out", hint=lambda: diagnose(out, W, ids))


def test_one_hot_matmul(f):
    """Matches one_hot(ids) @ W"""
    for seed, (v, d, b) in enumerate([(8, 3, 5), (20, 6, 10)]):
        W, ids = case(20 + seed, v, d, (b,))
        X = one_hot(ids, v)  # (B, V): a single 1 per row, at column ids[b]
        out = f(W, ids)
        check_shape(out, W, ids)
        assert_close(out, X @ W, "out",
                     hint="Row b of one_hot(ids) @ W is Σ_v X[b, v] W[v] with one nonzero term, "
                          "W[ids[b]]. " + diagnose(out, W, ids))


def test_repeated_ids(f):
    """Repeated ids give repeated rows"""
    g = rng(30)
    W = g.standard_normal((10, 4))
    for ids in (np.array([3, 3, 3, 1]), np.array([7, 2, 7, 2, 7]), np.array([5, 5])):
        out = f(W, ids)
        check_shape(out, W, ids)
        assert_close(out, W[ids], "out",
                     hint="A token that occurs k times gets its row k times, in the order of ids. "
                          + diagnose(out, W, ids))


def test_2d_ids(f):
    """2-D ids (B, T) give (B, T, D)"""
    for seed, (v, d, shape) in enumerate([(10, 4, (3, 5)), (30, 8, (4, 2)), (5, 3, (1, 6))]):
        W, ids = case(40 + seed, v, d, shape)
        out = f(W, ids)
        check_shape(out, W, ids)
        assert_close(out, W[ids], "out",
                     hint="out[b, t] should be row ids[b, t] of W: a batch of B sequences of T "
                          "tokens becomes B sequences of T vectors. " + diagnose(out, W, ids))


def test_first_and_last_rows(f):
    """Ids 0 and V − 1 (the first and last rows)"""
    g = rng(50)
    W = g.standard_normal((6, 3))
    for ids in (np.array([0, 5, 0, 5]), np.array([5, 4, 3, 2, 1, 0]), np.array([[0], [5]])):
        out = f(W, ids)
        check_shape(out, W, ids)
        assert_close(out, W[ids], "out", hint=lambda: diagnose(out, W, ids))
