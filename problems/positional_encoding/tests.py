import math

import numpy as np

from grader.testing import assert_close

# Explicit tolerances: the angles are exact, so 1e-9 leaves no room for a wrong frequency.


def reference(T, D):
    """Entry by entry with math.sin / math.cos, to stay independent of the vectorized solution."""
    PE = np.zeros((T, D))
    for t in range(T):
        for i in range(D // 2):
            w = 10000.0 ** (-2 * i / D)
            PE[t, 2 * i] = math.sin(w * t)
            PE[t, 2 * i + 1] = math.cos(w * t)
    return PE


def close(a, b):
    return a.shape == b.shape and np.allclose(a, b, atol=1e-9, rtol=1e-9)


def diagnose(PE, T, D):
    """Name the mistake if PE matches a known wrong layout; else say what it should be."""
    t = np.arange(T)[:, None]
    pair = 10000.0 ** (-2 * np.arange(D // 2) / D)
    a = t * pair
    swapped = np.zeros((T, D)); swapped[:, 0::2], swapped[:, 1::2] = np.cos(a), np.sin(a)
    halves = np.concatenate([np.sin(a), np.cos(a)], axis=1)
    col = 10000.0 ** (-np.arange(D) / D)  # the exponent j/D with the column index j
    per_column = np.where(np.arange(D) % 2 == 0, np.sin(t * col), np.cos(t * col))
    one_based = reference(T + 1, D)[1:]
    slow = np.zeros((T, D)); slow[:, 0::2], slow[:, 1::2] = np.sin(t / pair), np.cos(t / pair)
    by_i = 10000.0 ** (-np.arange(D // 2) / D)
    half_exp = np.zeros((T, D)); half_exp[:, 0::2], half_exp[:, 1::2] = np.sin(t * by_i), np.cos(t * by_i)
    mistakes = [
        (swapped, "Sines and cosines are swapped: the even columns 0, 2, 4, … hold sin(ω_i t), the odd "
                  "ones cos(ω_i t). Position 0 must read [0, 1, 0, 1, …]."),
        (halves, "All sines come first and all cosines after: the layout here interleaves them, "
                 "PE[:, 0::2] = sin, PE[:, 1::2] = cos."),
        (per_column, "Each column got its own frequency 10000^(−j/D) from the column index j: the two "
                     "columns of a pair share one frequency, 10000^(−2i/D) with the pair index i = j // 2."),
        (half_exp, "The exponent is 2i/D, not i/D: with i the pair index the frequencies run from 1 down "
                   "to about 1/10000, 10000 ** (-2 * i / D)."),
        (one_based, "Positions start at 0, not 1: np.arange(T)."),
        (slow, "The angle is t · ω_i with ω_i = 10000^(−2i/D), i.e. t / 10000^(2i/D); you multiplied t "
               "by 10000^(2i/D)."),
    ]
    for wrong, hint in mistakes:
        if close(PE, wrong):
            return hint
    return "PE[t, 2i] = sin(t / 10000^(2i/D)) and PE[t, 2i + 1] = cos(t / 10000^(2i/D))."


def check_shape(PE, T, D):
    if PE.shape != (T, D):
        hint = " It is transposed: one row per position." if PE.shape == (D, T) else ""
        if PE.shape == (T, D // 2):
            hint = " That is one column per pair: each pair is two columns, a sine and a cosine."
        raise AssertionError(f"PE has shape {PE.shape} for T = {T}, D = {D}; expected (T, D) = {(T, D)}.{hint}")


def test_shape(f):
    """Returns PE of shape (T, D)"""
    for T, D in [(5, 8), (1, 2), (8, 4), (6, 6), (3, 64)]:
        check_shape(f(T, D), T, D)


def test_position_zero(f):
    """Position 0 is [0, 1, 0, 1, …]"""
    for T, D in [(4, 8), (1, 6), (2, 2)]:
        PE = f(T, D)
        check_shape(PE, T, D)
        want = np.tile([0.0, 1.0], D // 2)
        assert_close(PE[0], want, "PE[0]", atol=1e-9, rtol=1e-9,
                     hint=lambda: "At t = 0 every angle is 0: sin 0 = 0 in the even columns and cos 0 = 1 in "
                                  "the odd ones. " + diagnose(PE, T, D))


def test_first_pair(f):
    """Columns 0 and 1 are sin(t) and cos(t)"""
    T, D = 7, 6
    PE = f(T, D)
    check_shape(PE, T, D)
    t = np.arange(T, dtype=np.float64)
    assert_close(PE[:, :2], np.stack([np.sin(t), np.cos(t)], axis=1), "PE[:, :2]", atol=1e-9, rtol=1e-9,
                 hint=lambda: "Pair i = 0 has frequency 10000^0 = 1, so its columns are sin(t) and cos(t). "
                              + diagnose(PE, T, D))


def test_values(f):
    """Matches sin/cos at 10000^(−2i/D) for every pair"""
    for T, D in [(5, 8), (16, 64), (4, 4), (10, 2), (1, 10), (50, 16)]:
        PE = f(T, D)
        check_shape(PE, T, D)
        assert_close(PE, reference(T, D), "PE", atol=1e-9, rtol=1e-9, hint=lambda: diagnose(PE, T, D))


def test_relative_positions(f):
    """Diagnostic: PE[t] · PE[t + k] depends only on the offset k"""
    T, D = 40, 16
    PE = f(T, D)
    check_shape(PE, T, D)
    w = 10000.0 ** (-2 * np.arange(D // 2) / D)
    for k in (1, 3, 10):
        dots = np.einsum("td,td->t", PE[:-k], PE[k:])
        assert_close(dots, np.full(T - k, np.cos(w * k).sum()), f"PE[t] · PE[t + {k}]", atol=1e-9, rtol=1e-9,
                     hint=lambda: "Each sin/cos pair at the same frequency turns by ω_i k between t and t + k, "
                                  "so the dot product is Σ_i cos(ω_i k) for every t. " + diagnose(PE, T, D))
