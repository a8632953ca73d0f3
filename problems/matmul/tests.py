import numpy as np

from grader.testing import LearnerRaised
from grader.testing import Failure, assert_close, rng

SHAPES = [(2, 3, 4), (5, 2, 7), (1, 6, 4), (7, 1, 3), (4, 4, 4)]  # (M, K, N)


def case(seed, m, k, n):
    g = rng(seed)
    return g.standard_normal((m, k)), g.standard_normal((k, n))


def diagnose(C, A, B):
    """Name the mistake if C matches a known wrong loop; else an empty string."""
    want = A @ B
    K = A.shape[1]
    if C.shape != want.shape or not np.any(C):
        return ""  # a zero C already gets assert_close's own "placeholder" remark
    if not np.allclose(want, np.round(want)) and np.allclose(C, np.trunc(want), atol=1e-9):
        return ("C holds whole numbers only: it was created with an integer dtype (np.zeros(..., dtype=int), "
                "or zeros_like of an int array), which truncates every float written into it. "
                "Create it with np.zeros((M, N)).")
    if not np.allclose(want, np.round(want)) and np.all(C == np.round(C)):
        return ("C holds whole numbers only: an integer accumulator truncates the products. "
                "Create C with np.zeros((M, N)), which is float.")
    if K > 1 and np.allclose(C, np.outer(A[:, -1], B[-1, :]), atol=1e-9):
        return ("Only the last term of each sum survived: C[i, j] = A[i, k] * B[k, j] overwrites "
                "the entry at every k. Accumulate with +=.")
    if K > 1 and np.allclose(C, A[:, :-1] @ B[:-1, :], atol=1e-9):
        return "The last term of each sum is missing: the k loop should run over range(K), all K terms."
    if C.shape[0] == C.shape[1] and C.shape[0] > 1 and np.allclose(C, want.T, atol=1e-9):
        return "C is transposed: the value for row i, column j ended up at C[j, i]."
    return ""


def test_shape(f):
    """Returns an (M, N) array"""
    for seed, (m, k, n) in enumerate(SHAPES):
        A, B = case(seed, m, k, n)
        C = f(A, B)
        if C.shape == (m, n):
            continue
        if C.shape == (n, m):
            hint = " It looks transposed: rows come from A, columns from B."
        elif C.shape in ((m, k), (k, n)):
            hint = (" That is the shape of an input: the inner size K disappears, "
                    "C takes its rows from A and its columns from B.")
        else:
            hint = " Create C with np.zeros((A.shape[0], B.shape[1]))."
        raise AssertionError(f"For A of shape {A.shape} and B of shape {B.shape}, C has shape {C.shape}; "
                             f"expected ({m}, {n}).{hint}")


def test_small_example(f):
    """Small example: a (2, 3) times a (3, 2)"""
    A = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    B = np.array([[7.0, 8.0], [9.0, 10.0], [11.0, 12.0]])
    C = f(A, B)
    assert_close(C, [[58.0, 64.0], [139.0, 154.0]], "C",
                 hint=lambda: diagnose(C, A, B) or "C[i, j] = sum over k of A[i, k] * B[k, j]; "
                 "for example C[0, 0] = 1·7 + 2·9 + 3·11 = 58.")


def test_random(f):
    """Matches np.matmul on random matrices"""
    for seed, (m, k, n) in enumerate(SHAPES):
        A, B = case(10 + seed, m, k, n)
        C = f(A, B)
        assert_close(C, np.matmul(A, B), "C",
                     hint=lambda: diagnose(C, A, B) or "Each C[i, j] should be the dot product of row i of A "
                     "and column j of B.")


def test_row_times_column(f):
    """Row times column: (1, K) @ (K, 1) is a 1x1 matrix"""
    for seed, k in enumerate([1, 5, 12]):
        A, B = case(20 + seed, 1, k, 1)
        C = f(A, B)
        if C.shape != (1, 1):
            raise AssertionError(f"For A of shape {A.shape} and B of shape {B.shape}, C has shape {C.shape}; "
                                 "expected (1, 1): a row times a column is a 1x1 matrix holding their dot "
                                 "product, not a bare number.")
        want, mistake = A @ B, diagnose(C, A, B)
        if mistake and not np.allclose(C, want):  # a 1x1 is a multiple of anything: name the mistake instead
            raise AssertionError(f"C[0, 0] is {C[0, 0]:.6g}, expected {want[0, 0]:.6g}. {mistake}")
        assert_close(C, want, "C", hint="C[0, 0] is the dot product of the row and the column.")


def test_column_times_row(f):
    """Column times row: (M, 1) @ (1, N) is an outer product"""
    A, B = case(30, 6, 1, 4)
    C = f(A, B)
    assert_close(C, A @ B, "C", hint="With K = 1 the sum has a single term: C[i, j] = A[i, 0] * B[0, j], "
                 "an (M, N) table of products. Check that your loops still run when K is 1.")


def test_non_square(f):
    """Non-square shapes, larger sizes"""
    for seed, (m, k, n) in enumerate([(3, 17, 2), (20, 3, 11), (9, 20, 13)]):
        A, B = case(40 + seed, m, k, n)
        C = f(A, B)
        assert_close(C, A @ B, "C",
                     hint=lambda: diagnose(C, A, B) or "Check the loop bounds: i over M = A.shape[0], j over "
                     "N = B.shape[1], k over K = A.shape[1].")


def test_mismatch_raises(f):
    """Mismatched inner sizes raise an error"""
    for m, k, k2, n in [(2, 3, 4, 2), (3, 4, 2, 5), (2, 2, 3, 2)]:
        A, B = np.ones((m, k)), np.ones((k2, n))
        try:
            f(A, B)
        except LearnerRaised as e:
            kind = e.message.split(" ", 1)[0]
            if kind in ("AssertionError", "ValueError"):
                continue
            if kind == "IndexError":
                raise AssertionError(
                    f"For A of shape {A.shape} and B of shape {B.shape} your function crashed with an "
                    f"IndexError inside the loops ({e.message}) instead of refusing the shapes. Check them "
                    "first: assert A.shape[1] == B.shape[0], with a message that names both shapes.") from None
            raise AssertionError(
                f"For A of shape {A.shape} and B of shape {B.shape} your function raised {kind} "
                f"({e.message}). Raise an AssertionError (assert A.shape[1] == B.shape[0]) or a "
                "ValueError, the errors Python and NumPy use for bad arguments.") from None
        except Failure:
            pass
        raise AssertionError(
            f"A has shape {A.shape} and B has shape {B.shape}: the inner sizes {k} and {k2} differ, so A @ B "
            "does not exist, yet your function returned instead of raising an error. Loops over "
            "range(A.shape[1]) quietly use only part of B (or crash later); check first: "
            "assert A.shape[1] == B.shape[0].")
