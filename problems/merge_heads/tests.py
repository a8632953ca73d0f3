import numpy as np

from grader.testing import assert_close, rng


def case(seed, b, h, t, d):
    return rng(seed).standard_normal((b, h, t, d))


def reference(heads):
    """Index by index: x[b, t, h*d:(h+1)*d] = heads[b, h, t]."""
    B, H, T, d = heads.shape
    x = np.zeros((B, T, H * d))
    for h in range(H):
        x[:, :, h * d:(h + 1) * d] = heads[:, h]
    return x


def split(x, H):
    B, T, D = x.shape
    return x.reshape(B, T, H, D // H).transpose(0, 2, 1, 3)


def close(a, b):
    return a.shape == b.shape and np.allclose(a, b, atol=1e-12, rtol=1e-12)


def diagnose(got, heads):
    """Name the mistake if x matches a known wrong merge; else say what it should be."""
    B, H, T, d = heads.shape
    if close(got, heads.reshape(B, T, H * d)):
        return ("A reshape alone glues rows of the same head (different tokens) together: in (B, H, T, d) "
                "memory all of head 0 comes first. Transpose to (B, T, H, d) first: "
                "heads.transpose(0, 2, 1, 3).reshape(B, T, H * d).")
    if close(got, heads.transpose(0, 2, 3, 1).reshape(B, T, H * d)):
        return ("The features of the heads are interleaved (x[b, t, i*H + h] = heads[b, h, t, i]): the heads "
                "must be concatenated as blocks, so transpose to (B, T, H, d), not (B, T, d, H).")
    return "x[b, t] should be heads[b, 0, t], heads[b, 1, t], … concatenated: heads.transpose(0, 2, 1, 3).reshape(B, T, H * d)."


def check_shape(got, heads):
    B, H, T, d = heads.shape
    if got.shape != (B, T, H * d):
        hint = ""
        if got.shape == (B, T, H, d):
            hint = " The axes are in the right order, now join the last two: .reshape(B, T, H * d)."
        elif got.shape == (B, H * T, d) or got.shape == (B, H, T * d):
            hint = " The wrong axes were joined: tokens stay an axis of their own, heads and d are joined."
        raise AssertionError(f"x has shape {got.shape} for heads of shape {heads.shape}; expected "
                             f"(B, T, H·d) = {(B, T, H * d)}.{hint}")


def test_shape(f):
    """Returns shape (B, T, H·d)"""
    for seed, dims in enumerate([(2, 3, 5, 4), (1, 1, 1, 1), (3, 2, 4, 1), (1, 1, 6, 8)]):
        heads = case(seed, *dims)
        check_shape(f(heads), heads)


def test_concatenates_heads(f):
    """Token t is head 0's row t, then head 1's row t, …"""
    heads = np.arange(12, dtype=np.float64).reshape(1, 2, 3, 2)
    got = f(heads)
    check_shape(got, heads)
    assert_close(got, reference(heads), "x",
                 hint=lambda: f"heads holds 0, 1, 2, …: head 0 is {heads[0, 0].astype(int).tolist()} and head 1 is "
                              f"{heads[0, 1].astype(int).tolist()}, so token 0 must be [0, 1, 6, 7]. "
                              + diagnose(got, heads))


def test_values(f):
    """Matches the reference on random inputs, including T = H"""
    for seed, dims in enumerate([(2, 3, 3, 4), (2, 4, 5, 2), (1, 4, 4, 4), (3, 8, 2, 1)]):
        heads = case(10 + seed, *dims)
        got = f(heads)
        check_shape(got, heads)
        assert_close(got, reference(heads), "x", hint=lambda: diagnose(got, heads))


def test_inverts_split(f):
    """Diagnostic: merge_heads(split_heads(x)) gives x back"""
    g = rng(20)
    for B, T, H, d in [(2, 5, 3, 2), (1, 4, 2, 4)]:
        x = g.standard_normal((B, T, H * d))
        heads = split(x, H)
        got = f(heads)
        check_shape(got, heads)
        assert_close(got, x, "merge_heads(split_heads(x))",
                     hint=lambda: "Merging must put every number back where splitting took it from; that is also "
                                  "why merge is the backward pass of split. " + diagnose(got, heads))
