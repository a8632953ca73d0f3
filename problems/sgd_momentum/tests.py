import numpy as np

from grader.testing import assert_close, rng

SHAPES = [(5,), (1,), (3, 3), (2, 1, 4), (4, 2)]
# and one shape drawn at random (seeded): 1 to 3 axes of 1 to 6 entries
SHAPES.append(tuple(int(n) for n in rng(909).integers(1, 7, size=int(rng(959).integers(1, 4)))))


def case(seed, shape, zero_velocity=False):
    g = rng(seed)
    p, grad = g.standard_normal(shape), g.standard_normal(shape)
    v = np.zeros(shape) if zero_velocity else g.standard_normal(shape)
    return p, grad, v, float(g.uniform(0.01, 0.5)), float(g.uniform(0.5, 0.99))


def close(a, b):
    return np.shape(a) == np.shape(b) and np.allclose(a, b, atol=1e-10, rtol=1e-10)


def diagnose_velocity(v_new, p, grad, v, lr, mu):
    mistakes = [
        (mu * v + (1 - mu) * grad,
         "That is v ← μ v + (1 − μ) grad, an average with dampening: PyTorch's default (and this problem) "
         "adds the full gradient, v ← μ v + grad."),
        (mu * v + lr * grad,
         "The learning rate crept into the velocity: here v ← μ v + grad, and lr is applied in the "
         "parameter step."),
        (v + mu * grad, "μ multiplies the old velocity, not the gradient: v ← μ v + grad."),
        (mu * v - grad, "Sign: the velocity accumulates +grad; the minus comes in the parameter step."),
    ]
    for wrong, hint in mistakes:
        if close(v_new, wrong):
            return hint
    return "new_velocity should be momentum * velocity + grad."


def diagnose_param(p_new, p, grad, v, lr, mu):
    v_new = mu * v + grad
    mistakes = [
        (p - lr * v, "You stepped with the old velocity: update the velocity first, then step with the new one."),
        (p - lr * grad, "That is plain SGD: step with the new velocity, param − lr · (μ v + grad)."),
        (p + lr * v_new, "Wrong sign: descend, param − lr · new_velocity."),
        (p - v_new, "The learning rate is missing from the step: param − lr · new_velocity."),
        (p - lr * (mu * v + (1 - mu) * grad),
         "You used a dampened velocity, μ v + (1 − μ) grad: here v ← μ v + grad."),
    ]
    for wrong, hint in mistakes:
        if close(p_new, wrong):
            return hint
    return "new_param should be param − lr * new_velocity."


def test_shapes(f):
    """Returns new_param and new_velocity shaped like param"""
    for seed, shape in enumerate(SHAPES):
        args = case(seed, shape)
        for name, got in zip(["new_param", "new_velocity"], f(*args)):
            if got.shape != shape:
                raise AssertionError(f"{name} has shape {got.shape}, expected {shape} (the shape of param).")


def test_first_step(f):
    """First step from zero velocity is plain SGD"""
    for seed, shape in enumerate(SHAPES):
        p, grad, v, lr, mu = case(10 + seed, shape, zero_velocity=True)
        p_new, v_new = f(p, grad, v, lr, mu)
        assert_close(v_new, grad, "new_velocity",
                     hint=lambda: "From zero velocity, μ · 0 + grad = grad. " + diagnose_velocity(v_new, p, grad, v, lr, mu))
        assert_close(p_new, p - lr * grad, "new_param",
                     hint=lambda: "With v = grad the step is param − lr · grad. " + diagnose_param(p_new, p, grad, v, lr, mu))


def test_velocity(f):
    """new_velocity is momentum · velocity + grad"""
    for seed, shape in enumerate(SHAPES):
        p, grad, v, lr, mu = case(20 + seed, shape)
        _, v_new = f(p, grad, v, lr, mu)
        assert_close(v_new, mu * v + grad, "new_velocity",
                     hint=lambda: diagnose_velocity(v_new, p, grad, v, lr, mu))


def test_param(f):
    """new_param steps by −lr times the new velocity"""
    for seed, shape in enumerate(SHAPES):
        p, grad, v, lr, mu = case(30 + seed, shape)
        p_new, _ = f(p, grad, v, lr, mu)
        assert_close(p_new, p - lr * (mu * v + grad), "new_param",
                     hint=lambda: diagnose_param(p_new, p, grad, v, lr, mu))


def test_no_momentum(f):
    """momentum = 0 is plain SGD"""
    p, grad, v, lr, _ = case(40, (3, 2))
    p_new, v_new = f(p, grad, v, lr, 0.0)
    assert_close(v_new, grad, "new_velocity", hint="With momentum 0 the velocity forgets everything but grad.")
    assert_close(p_new, p - lr * grad, "new_param", hint="With momentum 0 the step is param − lr · grad.")


def test_trajectory(f):
    """Ten steps on a quadratic follow the same path as torch.optim.SGD"""
    g = rng(50)
    A = np.diag([1.0, 10.0, 0.5])  # a narrow valley: L = ½ θᵀ A θ, gradient A θ
    p, v = g.standard_normal(3), np.zeros(3)
    want_p, want_v = p.copy(), v.copy()
    lr, mu = 0.05, 0.9
    for step in range(10):
        p, v = f(p, A @ p, v, lr, mu)
        want_v = mu * want_v + A @ want_p
        want_p = want_p - lr * want_v
        assert_close(p, want_p, f"param after step {step + 1}",
                     hint="Each step: v ← μ v + grad, then θ ← θ − lr · v, feeding back what you returned.")
