import numpy as np

from grader.testing import assert_close, rng

SHAPES = [(5,), (1,), (3, 3), (2, 1, 4), (4, 2)]
SHAPES.append(tuple(int(n) for n in rng(914).integers(1, 7, size=int(rng(964).integers(1, 4)))))  # seeded random


def case(seed, shape, zero_velocity=False):
    g = rng(seed)
    p, grad = g.standard_normal(shape), g.standard_normal(shape)
    v = np.zeros(shape) if zero_velocity else g.standard_normal(shape)
    return p, grad, v, float(g.uniform(0.01, 0.5)), float(g.uniform(0.5, 0.99))


def close(a, b):
    return np.shape(a) == np.shape(b) and np.allclose(a, b, atol=1e-10, rtol=1e-10)


def diagnose_param(p_new, p, grad, v, lr, mu):
    v_new = mu * v + grad
    mistakes = [
        (p - lr * v_new, "That is plain momentum, param − lr · new_velocity. Nesterov steps by "
                         "grad + momentum · new_velocity: the gradient plus the velocity's next move."),
        (p - lr * (mu * grad + v_new), "momentum multiplies the new velocity, not the gradient: "
                                       "grad + momentum · new_velocity."),
        (p + lr * (grad + mu * v_new), "Wrong sign: descend, param − lr · (grad + momentum · new_velocity)."),
    ]
    for wrong, hint in mistakes:
        if close(p_new, wrong):
            return hint
    return "new_param should be param − lr · (grad + momentum · new_velocity)."


def diagnose_velocity(v_out, p, grad, v, lr, mu):
    if close(v_out, grad + mu * (mu * v + grad)):
        return ("That is the step direction, grad + momentum · new_velocity: the state to return is the "
                "velocity itself, momentum · velocity + grad.")
    if close(v_out, mu * v + (1 - mu) * grad):
        return "No dampening here: new_velocity = momentum · velocity + grad."
    return "new_velocity should be momentum · velocity + grad, as in plain momentum."


def test_shapes(f):
    """Returns new_param and new_velocity shaped like param"""
    for seed, shape in enumerate(SHAPES):
        for name, got in zip(["new_param", "new_velocity"], f(*case(seed, shape))):
            if got.shape != shape:
                raise AssertionError(f"{name} has shape {got.shape}, expected {shape} (the shape of param).")


def test_velocity(f):
    """new_velocity is momentum · velocity + grad"""
    for seed, shape in enumerate(SHAPES):
        p, grad, v, lr, mu = case(10 + seed, shape)
        _, v_new = f(p, grad, v, lr, mu)
        assert_close(v_new, mu * v + grad, "new_velocity", hint=lambda: diagnose_velocity(v_new, p, grad, v, lr, mu))


def test_first_step(f):
    """From zero velocity the first step is lr · (1 + momentum) · grad"""
    for seed, shape in enumerate(SHAPES):
        p, grad, v, lr, mu = case(20 + seed, shape, zero_velocity=True)
        p_new, _ = f(p, grad, v, lr, mu)
        assert_close(p_new, p - lr * (1 + mu) * grad, "new_param",
                     hint=lambda: "From zero velocity, new_velocity = grad and the step is grad + momentum · grad. "
                                  + diagnose_param(p_new, p, grad, v, lr, mu))


def test_param(f):
    """new_param steps by grad + momentum · new_velocity"""
    for seed, shape in enumerate(SHAPES):
        p, grad, v, lr, mu = case(30 + seed, shape)
        p_new, _ = f(p, grad, v, lr, mu)
        assert_close(p_new, p - lr * (grad + mu * (mu * v + grad)), "new_param",
                     hint=lambda: diagnose_param(p_new, p, grad, v, lr, mu))


def test_no_momentum(f):
    """momentum = 0 is plain SGD"""
    p, grad, v, lr, _ = case(40, (3, 2))
    p_new, v_new = f(p, grad, v, lr, 0.0)
    assert_close(p_new, p - lr * grad, "new_param", hint="With momentum 0 the step is param − lr · grad.")
    assert_close(v_new, grad, "new_velocity", hint="With momentum 0 the velocity is the gradient.")


def test_trajectory(f):
    """Ten steps on a quadratic follow torch.optim.SGD(nesterov=True)"""
    g = rng(50)
    A = np.diag([1.0, 10.0, 0.5])  # L = ½ θᵀ A θ, gradient A θ
    p, v = g.standard_normal(3), np.zeros(3)
    want_p, want_v = p.copy(), v.copy()
    lr, mu = 0.05, 0.9
    for step in range(10):
        p, v = f(p, A @ p, v, lr, mu)
        grad = A @ want_p
        want_v = mu * want_v + grad
        want_p = want_p - lr * (grad + mu * want_v)
        assert_close(p, want_p, f"param after step {step + 1}",
                     hint="Each step: v ← μ v + grad, then θ ← θ − lr · (grad + μ v), feeding back what you returned.")
