import numpy as np

from grader.testing import assert_close, rng


def case(seed, b, t, h, d):
    return rng(seed).standard_normal((b, t, h * d))


def reference(x, H):
    """Index by index: heads[b, h, t, i] = x[b, t, h*d + i]."""
    B, T, D = x.shape
    d = D // H
    out = np.zeros((B, H, T, d))
    for h in range(H):
        out[:, h] = x[:, :, h * d:(h + 1) * d]
    return out


def close(a, b):
    return a.shape == b.shape and np.allclose(a, b, atol=1e-12, rtol=1e-12)


def diagnose(got, x, H):
    """Name the mistake if heads matches a known wrong split; else say what it should be."""
    B, T, D = x.shape
    d = D // H
    if close(got, x.reshape(B, H, T, d)):
        return ("A reshape alone does not move numbers between axes: x.reshape(B, H, T, d) cuts token 0's "
                "features into the first rows of head 0. Reshape to (B, T, H, d) first, then swap the token "
                "and head axes: x.reshape(B, T, H, d).transpose(0, 2, 1, 3).")
    if close(got, x.reshape(B, T, d, H).transpose(0, 3, 1, 2)):
        return ("Each head got every H-th feature (feature j to head j % H): the heads are blocks of d "
                "consecutive features, x.reshape(B, T, H, d), so feature j goes to head j // d.")
    return "heads[b, h, t] should be x[b, t, h*d:(h+1)*d]: x.reshape(B, T, H, d).transpose(0, 2, 1, 3)."


def check_shape(got, x, H):
    B, T, D = x.shape
    want = (B, H, T, D // H)
    if got.shape != want:
        hint = ""
        if got.shape == (B, T, H, D // H):
            hint = " The feature axis is cut, but the head axis must come before the tokens: transpose(0, 2, 1, 3)."
        elif got.shape == (H, T, B, D // H):
            hint = " The batch and head axes are swapped: the batch stays first."
        raise AssertionError(f"heads has shape {got.shape} for x of shape {x.shape} and H = {H}; expected "
                             f"(B, H, T, d) = {want}.{hint}")


def test_shape(f):
    """Returns shape (B, H, T, d)"""
    for seed, dims in enumerate([(2, 5, 3, 4), (1, 1, 1, 1), (3, 4, 2, 1), (1, 6, 1, 8)]):
        x = case(seed, *dims)
        check_shape(f(x, dims[2]), x, dims[2])


def test_head_blocks(f):
    """Head h holds features h·d … (h+1)·d − 1 of every token"""
    B, T, H, d = 1, 3, 2, 2
    x = np.arange(B * T * H * d, dtype=np.float64).reshape(B, T, H * d)
    got = f(x, H)
    check_shape(got, x, H)
    assert_close(got, reference(x, H), "heads",
                 hint=lambda: f"x holds 0, 1, 2, … so you can read it: token t's features are "
                              f"{x[0].astype(int).tolist()}; head 0 must be their first halves. "
                              + diagnose(got, x, H))


def test_values(f):
    """Matches the reference on random inputs, including T = H"""
    # T = H: every wrong reshape still has the right shape here.
    for seed, dims in enumerate([(2, 3, 3, 4), (2, 5, 4, 2), (1, 4, 4, 4), (3, 2, 8, 1)]):
        x = case(10 + seed, *dims)
        H = dims[2]
        got = f(x, H)
        check_shape(got, x, H)
        assert_close(got, reference(x, H), "heads", hint=lambda: diagnose(got, x, H))


def test_single_head_or_token(f):
    """H = 1 adds an axis; T = 1 needs no transpose"""
    for seed, dims in enumerate([(2, 4, 1, 6), (2, 1, 3, 2)]):
        x = case(20 + seed, *dims)
        H = dims[2]
        got = f(x, H)
        check_shape(got, x, H)
        assert_close(got, reference(x, H), "heads", hint=lambda: diagnose(got, x, H))
