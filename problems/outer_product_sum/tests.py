import numpy as np

from grader.testing import LearnerRaised
from grader.testing import assert_close, rng

SHAPES = [(3, 4, 2), (4, 4, 4), (6, 2, 5), (1, 5, 1), (2, 7, 3)]  # (M, K, N)


def case(seed, m, k, n):
    g = rng(seed)
    return g.standard_normal((m, k)), g.standard_normal((k, n))


def diagnose(C, A, B):
    """Name the mistake if C matches a known wrong sum; else an empty string."""
    M, K = A.shape
    N = B.shape[1]
    if C.shape != (M, N) or not np.any(C):
        return ""
    mistakes = []
    if M == N == K:
        mistakes.append((A.T @ B.T, "Each term paired row k of A with column k of B: that sums to A.T @ B.T. "
                         "The k-th term is np.outer(A[:, k], B[k, :]), column k of A with row k of B."))
        inner = sum(A[:, k] @ B[k, :] for k in range(K))
        mistakes.append((np.full((M, N), inner), "Every entry is the same number: np.dot(u, v) of two vectors "
                         "is their inner product, a scalar. The outer product is np.outer(u, v)."))
    if K == 1:
        mistakes.append((np.full((M, N), A[0, 0] * B[0, 0]),
                         "Every entry is A[0, 0] · B[0, 0]: the term paired row k of A with column k of B, "
                         "a 1x1 outer product here. The k-th term is np.outer(A[:, k], B[k, :]), column k of A "
                         "with row k of B."))
    if M == N:
        mistakes.append(((A @ B).T, "C is transposed: C[i, j] should collect A[i, k] · B[k, j], "
                         "with i from A's column and j from B's row."))
    if K > 1:
        mistakes += [
            (np.outer(A[:, -1], B[-1, :]), "C is only the last outer product: C = ... replaces C at every "
             "step. Accumulate: C += np.outer(A[:, k], B[k, :])."),
            (A[:, :-1] @ B[:-1, :], "The last outer product is missing: loop over all of range(K)."),
            (A[:, 1:] @ B[1:, :], "The first outer product (k = 0) is missing: loop over all of range(K)."),
        ]
    mistakes.append((A @ B + np.outer(A[:, 0], B[0, :]),
                     "The first outer product is counted twice: start from np.zeros((M, N)), or "
                     "start from the k = 0 term and loop over range(1, K)."))
    for wrong, hint in mistakes:
        if np.allclose(C, wrong, atol=1e-9, rtol=1e-9):
            return hint
    return ""


def call(f, A, B):
    """f(A, B), with a crash from mismatched vector lengths explained for this problem."""
    try:
        return f(A, B)
    except LearnerRaised as e:
        if "not aligned" in e.message or "broadcast" in e.message or "mismatch" in e.message:
            e.message += (f" In this problem (A is {A.shape}, B is {B.shape}): each term must be an (M, N) "
                          "matrix, np.outer(A[:, k], B[k, :]) of column k of A (length M) and row k of B "
                          "(length N). np.dot or * of two vectors needs equal lengths, and "
                          "np.outer(A[k, :], B[:, k]) is (K, K).")
        raise


def test_small_example(f):
    """Small example: [[1, 2], [3, 4]] times [[5, 6], [7, 8]]"""
    A = np.array([[1.0, 2.0], [3.0, 4.0]])
    B = np.array([[5.0, 6.0], [7.0, 8.0]])
    C = call(f, A, B)
    assert_close(C, [[19.0, 22.0], [43.0, 50.0]], "C",
                 hint=lambda: diagnose(C, A, B) or "The two terms are np.outer([1, 3], [5, 6]) = [[5, 6], [15, 18]] "
                 "and np.outer([2, 4], [7, 8]) = [[14, 16], [28, 32]].")


def test_shape(f):
    """Returns an (M, N) array"""
    for seed, (m, k, n) in enumerate(SHAPES):
        A, B = case(seed, m, k, n)
        C = call(f, A, B)
        if C.shape == (m, n):
            continue
        if C.shape == (n, m) and m != n:
            hint = " It looks transposed: each outer product is (M, N), column of A times row of B."
        elif C.ndim == 1:
            hint = (" A 1-D result: A[:, k] * B[k, :] multiplies two vectors entry by entry (and only "
                    "works when M == N). The outer product is np.outer(A[:, k], B[k, :]), or "
                    "A[:, k][:, None] * B[k, :][None, :].")
        elif C.ndim == 0:
            hint = " A single number: np.dot of two vectors is the inner product. Use np.outer."
        elif C.shape == (k, k):
            hint = " That is (K, K): the outer products should pair A's columns (length M) with B's rows (length N)."
        else:
            hint = " Start from np.zeros((M, N)) and add one (M, N) outer product per k."
        raise AssertionError(f"For A of shape {A.shape} and B of shape {B.shape}, C has shape {C.shape}; "
                             f"expected ({m}, {n}).{hint}")


def test_single_term(f):
    """K = 1: a single outer product"""
    for seed, (m, n) in enumerate([(3, 2), (5, 5), (1, 4)]):
        A, B = case(10 + seed, m, 1, n)
        C = call(f, A, B)
        assert_close(C, np.outer(A[:, 0], B[0, :]), "C",
                     hint=lambda: diagnose(C, A, B) or "With K = 1 the sum has one term, C[i, j] = A[i, 0] · B[0, j]: "
                     "check that your loop runs once when K is 1.")


def test_matches_matmul(f):
    """Matches A @ B on random matrices"""
    for seed, (m, k, n) in enumerate(SHAPES + [(64, 64, 64), (10, 1, 20)]):
        A, B = case(20 + seed, m, k, n)
        C = call(f, A, B)
        assert_close(C, A @ B, "C", hint=lambda: diagnose(C, A, B) or
                     "C should be the sum over k of np.outer(A[:, k], B[k, :]), which equals A @ B.")


def test_partial_sums(f):
    """Each k adds the outer product of A[:, k] and B[k, :]"""
    A, B = case(30, 4, 5, 3)
    previous = np.zeros((4, 3))
    for k in range(1, 6):
        C = call(f, A[:, :k], B[:k, :])  # the first k terms only
        if k == 1:
            hint = ("Called with only column 0 of A and row 0 of B, your C should be exactly the outer "
                    "product np.outer(A[:, 0], B[0, :]).")
        else:
            hint = (f"Called with the first {k} columns of A and rows of B instead of the first {k - 1}, your C "
                    f"should grow by exactly the outer product np.outer(A[:, {k - 1}], B[{k - 1}, :]).")
        mistake = diagnose(C, A[:, :k], B[:k, :])
        assert_close(C - previous, np.outer(A[:, k - 1], B[k - 1, :]), "the added term",
                     hint=hint + (" " + mistake if mistake else ""))
        previous = C


def test_rank_one_structure(f):
    """With K = 1 every row is a multiple of B's row (rank 1)"""
    a = np.array([[2.0], [-1.0], [0.5], [3.0]])
    b = np.array([[1.0, -2.0, 4.0]])
    C = call(f, a, b)
    assert_close(C, a * b, "C", hint=lambda: diagnose(C, a, b) or "C[i, :] should be A[i, 0] times the row B[0, :]: "
                 "row 0 is 2 · [1, −2, 4] = [2, −4, 8].")
