import numpy as np

from grader.testing import LearnerRaised
from grader.testing import assert_close, numerical_gradient, rng

PLAIN = [((3, 4), (4, 2))]
SAME_BATCH = [((3, 3, 3), (3, 3, 3)), ((4, 2, 3), (4, 3, 5)), ((2, 3, 4, 5), (2, 3, 5, 2))]
B_SHARED = [((2, 3, 4, 5), (5, 6)), ((2, 3, 4, 5), (3, 5, 6)), ((4, 3, 3), (3, 3))]
SIZE_ONE = [((2, 3, 4, 5), (1, 3, 5, 6)), ((2, 1, 4, 5), (1, 3, 5, 6)), ((1, 2, 3), (4, 3, 2))]
A_SHARED = [((4, 5), (2, 3, 5, 6)), ((3, 4, 5), (2, 1, 5, 2))]

SWAP_HINT = (" On an array with batch axes, .T reverses every axis ((b, K, N).T is (N, K, b)), so the batch "
             "axes end up in the matrix positions. Transpose only the last two: np.swapaxes(X, -1, -2).")


def case(seed, shape_a, shape_b):
    g = rng(seed)
    A, B = g.standard_normal(shape_a), g.standard_normal(shape_b)
    batch = np.broadcast_shapes(shape_a[:-2], shape_b[:-2])
    G = g.standard_normal(batch + (shape_a[-2], shape_b[-1]))
    return G, A, B


def unbroadcast(grad, shape):
    grad = grad.sum(axis=tuple(range(grad.ndim - len(shape))))
    stretched = tuple(i for i, n in enumerate(shape) if n == 1 and grad.shape[i] != 1)
    return grad.sum(axis=stretched, keepdims=True) if stretched else grad


def full_grads(G, A, B):
    """The gradients before unbroadcasting, shaped like the output's batch."""
    return G @ np.swapaxes(B, -1, -2), np.swapaxes(A, -1, -2) @ G


def call(f, G, A, B):
    """f(G, A, B), with a crash from a batched .T explained."""
    try:
        return f(G, A, B)
    except LearnerRaised as e:
        if A.ndim > 2 or B.ndim > 2:
            if any(w in e.message for w in ("mismatch", "broadcast", "not aligned")):
                e.message += (f" (Here A is {A.shape}, B is {B.shape} and grad_out is {G.shape}.) If you used .T: on "
                              + SWAP_HINT.strip()[3:])
        raise


def shape_problem(name, got, operand, full):
    """Explain a wrong gradient shape, or return None when it is right."""
    want = operand.shape
    if got == want:
        return None
    msg = f"{name} has shape {got}, expected {want}, the shape of {name[1:]}."
    aligned = full[len(full) - len(want):]  # the full shape without the axes added on the left
    stretched = [i for i, n in enumerate(want) if n == 1 and aligned[i] != 1]
    squeezed = tuple(n for i, n in enumerate(want) if i not in stretched)
    if stretched and got == aligned:
        msg += (f" {name[1:]} has size 1 on axis {stretched[0]}, stretched to {aligned[stretched[0]]} by "
                "broadcasting: sum the gradient over that axis too, with keepdims=True.")
    elif got == full:
        msg += (f" {got} is the shape of the batched product before unbroadcasting: {name[1:]} was broadcast "
                f"over the batch, used once for every batch entry, so its gradient must be summed over the "
                f"broadcast axes (axes added on the left, and size-1 axes with keepdims=True).")
    elif stretched and got == squeezed:
        msg += (f" The sum over a size-1 batch axis of {name[1:]} dropped that axis: sum it with "
                "keepdims=True, so the gradient keeps the operand's shape.")
    elif len(got) == len(want) and sorted(got) == sorted(want):
        msg += " The axes are in the wrong order." + SWAP_HINT
    elif len(got) > len(want):
        msg += f" There are extra axes: sum over the batch axes that {name[1:]} does not have."
    elif len(got) < len(want):
        msg += " Axes are missing: sum only over the axes along which the operand was broadcast."
    return msg


def value_hint(name, got, G, A, B):
    """Name the mistake if got matches a known wrong gradient; else say what it should be."""
    dA_full, dB_full = full_grads(G, A, B)
    operand, full = (A, dA_full) if name == "dA" else (B, dB_full)
    want = unbroadcast(full, operand.shape)
    wrong = []
    try:
        T = G @ B.T if name == "dA" else A.T @ G
        wrong.append((unbroadcast(T, operand.shape) if T.shape[:-2] == full.shape[:-2] else T,
                      ("That is grad_out @ B.T:" if name == "dA" else "That is A.T @ grad_out:")
                      + SWAP_HINT.replace(" On", " on", 1)))
    except ValueError:
        pass
    n = full.size // max(want.size, 1)
    if n > 1:
        wrong.append((want / n, f"{name} is the mean over the {n} broadcast batch entries: the gradient of a "
                      "shared operand is the sum of its uses, not their mean."))
    for w, hint in wrong:
        if w.shape == got.shape and np.allclose(got, w, atol=1e-9, rtol=1e-9):
            return hint
    formula = ("grad_out @ B.swapaxes(-1, -2)" if name == "dA" else "A.swapaxes(-1, -2) @ grad_out")
    return f"{name} should be unbroadcast({formula}, {name[1:]}.shape)."


def check_shapes(dA, dB, G, A, B):
    dA_full, dB_full = full_grads(G, A, B)
    for name, got, operand, full in (("dA", dA, A, dA_full), ("dB", dB, B, dB_full)):
        problem = shape_problem(name, got.shape, operand, full.shape)
        if problem:
            raise AssertionError(f"For A {A.shape} and B {B.shape}: {problem}")


def check(f, G, A, B):
    dA, dB = call(f, G, A, B)
    check_shapes(dA, dB, G, A, B)
    dA_full, dB_full = full_grads(G, A, B)
    for name, got, operand, full in (("dA", dA, A, dA_full), ("dB", dB, B, dB_full)):
        assert_close(got, unbroadcast(full, operand.shape), name, hint=lambda: value_hint(name, got, G, A, B))


def test_shapes(f):
    """Returns dA and dB shaped like A and B"""
    for seed, (sa, sb) in enumerate(PLAIN + SAME_BATCH + B_SHARED + SIZE_ONE + A_SHARED):
        G, A, B = case(seed, sa, sb)
        dA, dB = call(f, G, A, B)
        check_shapes(dA, dB, G, A, B)


def test_plain(f):
    """2-D matrices, no batch axes"""
    for seed, (sa, sb) in enumerate(PLAIN + [((1, 5), (5, 1)), ((6, 2), (2, 7))]):
        check(f, *case(10 + seed, sa, sb))


def test_same_batch(f):
    """Same batch axes, no broadcasting"""
    for seed, (sa, sb) in enumerate(SAME_BATCH):
        check(f, *case(20 + seed, sa, sb))


def test_b_shared(f):
    """B broadcast over A's batch axes"""
    for seed, (sa, sb) in enumerate(B_SHARED):
        check(f, *case(30 + seed, sa, sb))


def test_size_one(f):
    """Size-1 batch axes keep their size"""
    for seed, (sa, sb) in enumerate(SIZE_ONE):
        check(f, *case(40 + seed, sa, sb))


def test_a_shared(f):
    """A broadcast over B's batch axes"""
    for seed, (sa, sb) in enumerate(A_SHARED):
        check(f, *case(50 + seed, sa, sb))


def test_finite_differences(f):
    """Diagnostic: matches finite-difference numerical gradient"""
    for seed, (sa, sb) in enumerate([((2, 1, 3, 2), (3, 2, 4)), ((2, 3, 2), (2, 1))]):
        G, A, B = case(60 + seed, sa, sb)
        dA, dB = call(f, G, A, B)
        check_shapes(dA, dB, G, A, B)
        num_dA = numerical_gradient(lambda A_: np.sum(G * (A_ @ B)), A)
        num_dB = numerical_gradient(lambda B_: np.sum(G * (A @ B_)), B)
        assert_close(dA, num_dA, "dA", atol=1e-3, rtol=1e-3,
                     hint=f"Compared with a finite-difference estimate of dL/dA for A {sa}, B {sb}.")
        assert_close(dB, num_dB, "dB", atol=1e-3, rtol=1e-3,
                     hint=f"Compared with a finite-difference estimate of dL/dB for A {sa}, B {sb}.")
