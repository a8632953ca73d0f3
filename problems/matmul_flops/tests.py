import math

import numpy as np

from grader.testing import LearnerRaised
from grader.testing import Failure


def reference(shape_a, shape_b):
    *batch_a, M, K = shape_a
    *batch_b, _, N = shape_b
    return 2 * M * K * N * math.prod(np.broadcast_shapes(tuple(batch_a), tuple(batch_b)))


def call(f, shape_a, shape_b):
    """f(shape_a, shape_b), with the np.prod float trap explained if the result is not an int."""
    try:
        return f(shape_a, shape_b)
    except Failure as e:
        if "expected a Python int" not in str(e):
            raise
        raise Failure(f"For {shape_a} @ {shape_b}: {e} A FLOP count is a whole number: np.prod(()) is 1.0, "
                      "a float, and / always gives a float. Use math.prod (math.prod(()) is 1) and //, "
                      "or wrap the result in int(...).") from None


def diagnose(got, shape_a, shape_b):
    """Name the mistake if got matches a known wrong count; else say what the count is made of."""
    *batch_a, M, K = shape_a
    *batch_b, _, N = shape_b
    batch = math.prod(np.broadcast_shapes(tuple(batch_a), tuple(batch_b)))
    mistakes = [
        (batch * M * K * N,
         "That is M·K·N: the factor 2 is missing. Each of the M·K·N terms is one multiply and one add."),
        (batch * M * N * (2 * K - 1),
         "That is the exact count M·N·(2K − 1); by convention (one fused multiply-add per term) "
         "a matmul counts 2·M·K·N."),
        (2 * M * K * N,
         "That is one matrix product: multiply by the number of products, the size of the broadcast batch."),
        (2 * M * K * N * math.prod(batch_a),
         "You counted the batch axes of A only: B's batch axes broadcast too, and the number of products "
         "is the size of the broadcast batch shape."),
        (2 * M * K * N * math.prod(batch_b),
         "You counted the batch axes of B only: A's batch axes broadcast too, and the number of products "
         "is the size of the broadcast batch shape."),
        (2 * M * K * N * math.prod(batch_a) * math.prod(batch_b),
         "You multiplied the batch sizes of A and B: broadcast axes pair up, they do not multiply. "
         "(2, 3) with (3,) broadcasts to (2, 3), six products, not 2·3·3 = 18."),
        (2 * M * K * N * sum(np.broadcast_shapes(tuple(batch_a), tuple(batch_b))),
         "You added the batch sizes: the number of products is their product."),
    ]
    for wrong, hint in mistakes:
        if got == wrong and wrong != reference(shape_a, shape_b):
            return hint
    return (f"Here M = {M}, K = {K}, N = {N} and the batch axes broadcast to "
            f"{np.broadcast_shapes(tuple(batch_a), tuple(batch_b))}, {batch} product(s) of 2·M·K·N each.")


def check(f, shape_a, shape_b):
    got = call(f, shape_a, shape_b)
    want = reference(shape_a, shape_b)
    if got != want:
        raise AssertionError(f"For {shape_a} @ {shape_b} you returned {got}, expected {want}. "
                             + diagnose(got, shape_a, shape_b))


def expect_error(f, shape_a, shape_b, why):
    try:
        got = call(f, shape_a, shape_b)
    except LearnerRaised as e:
        kind = e.message.split(" ", 1)[0]
        if kind in ("AssertionError", "ValueError"):
            return
        raise AssertionError(f"For {shape_a} @ {shape_b} your function raised {kind} ({e.message}). "
                             f"{why} Raise an AssertionError (assert ...) or a ValueError, the errors "
                             "Python and NumPy use for bad arguments.") from None
    raise AssertionError(f"For {shape_a} @ {shape_b} you returned {got}, but this product does not exist: "
                         f"{why} Raise an error (assert ...) instead of returning a count.")


def test_single(f):
    """One matrix product: 2·M·K·N"""
    for a, b in [((2, 3), (3, 4)), ((1, 7), (7, 1)), ((5, 1), (1, 6)), ((64, 128), (128, 32))]:
        check(f, a, b)


def test_batched(f):
    """Batched, same batch axes"""
    for a, b in [((8, 3, 4), (8, 4, 5)), ((2, 3, 4, 5), (2, 3, 5, 6)), ((1, 4, 4), (1, 4, 4))]:
        check(f, a, b)


def test_attention(f):
    """Attention scores: (B, H, T, d) @ (B, H, d, T)"""
    for a, b in [((2, 8, 16, 4), (2, 8, 4, 16)), ((4, 12, 1024, 64), (4, 12, 64, 1024)),
                 ((1, 32, 4096, 128), (1, 32, 128, 4096))]:
        check(f, a, b)


def test_broadcast(f):
    """Broadcast batch axes"""
    for a, b in [((4, 5), (3, 5, 6)), ((2, 3, 4, 5), (5, 6)), ((2, 3, 4, 5), (3, 5, 6)),
                 ((2, 1, 4, 5), (3, 5, 6)), ((1, 3, 4, 5), (2, 1, 5, 6)), ((5, 2, 3, 4), (5, 1, 4, 6)),
                 ((7, 1, 1, 2, 3), (4, 5, 3, 2))]:
        check(f, a, b)


def test_inner_mismatch(f):
    """Mismatched inner sizes raise an error"""
    for a, b in [((2, 3), (4, 5)), ((8, 3, 4), (8, 3, 4)), ((2, 5), (3, 4, 2))]:
        expect_error(f, a, b, f"the inner sizes {a[-1]} (last of shape_a) and {b[-2]} (second to last of "
                     "shape_b) differ.")


def test_batch_mismatch(f):
    """Batch axes that do not broadcast raise an error"""
    for a, b in [((2, 3, 4), (3, 4, 5)), ((2, 3, 4, 5), (3, 2, 5, 6)), ((4, 2, 2), (2, 2, 2, 2))]:
        expect_error(f, a, b, f"the batch axes {a[:-2]} and {b[:-2]} do not broadcast: aligned from the "
                     "right, each pair of sizes must be equal or contain a 1.")
