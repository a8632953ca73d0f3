import numpy as np

from grader.testing import assert_close, rng

SHAPES = [(5,), (1,), (3, 3), (2, 1, 4), (4, 2)]
# and one shape drawn at random (seeded): 1 to 3 axes of 1 to 6 entries
SHAPES.append(tuple(int(n) for n in rng(911).integers(1, 7, size=int(rng(961).integers(1, 4)))))
NAMES = ["new_param", "new_m", "new_v"]


def reference(p, g, m, v, t, lr, b1, b2, eps, wd, mode="decoupled"):
    """One AdamW step; mode names a classic mistake: 'coupled' (Adam + L2), 'no_lr', 'after'."""
    if mode == "coupled":
        g = g + wd * p
    m2 = b1 * m + (1 - b1) * g
    v2 = b2 * v + (1 - b2) * g * g
    step = lr * (m2 / (1 - b1**t)) / (np.sqrt(v2 / (1 - b2**t)) + eps)
    if mode == "coupled":
        return p - step, m2, v2
    if mode == "no_lr":
        return p * (1 - wd) - step, m2, v2
    if mode == "after":
        return (p - step) * (1 - lr * wd), m2, v2
    return p * (1 - lr * wd) - step, m2, v2


def case(seed, shape, t=None):
    g = rng(seed)
    p, grad = g.standard_normal(shape), g.standard_normal(shape)
    m, v = 0.1 * g.standard_normal(shape), 0.01 * g.random(shape)
    return (p, grad, m, v, int(t or g.integers(2, 50)), float(g.uniform(0.01, 0.5)), 0.9, 0.999, 1e-8,
            float(g.uniform(0.05, 0.5)))


def close(a, b):
    return np.shape(a) == np.shape(b) and np.allclose(a, b, atol=1e-10, rtol=1e-10)


HINTS = {
    "coupled": ("The weight decay went into the gradient (grad + weight_decay · param): that is Adam with "
                "L2, where the division by √v̂ rescales the decay. AdamW decouples it: the moments see grad "
                "alone, and the weights shrink by param · (1 − lr · weight_decay) outside the Adam step."),
    "no_lr": "The decay factor is 1 − lr · weight_decay: the learning rate scales the decay too.",
    "after": ("The decay was applied after the Adam step: shrink the old weights, "
              "param · (1 − lr · weight_decay) − lr · m̂ / (√v̂ + eps)."),
}


def diagnose(k, got, args):
    for mode, hint in HINTS.items():
        wrong = reference(*args, mode=mode)[k]
        if close(got, wrong) and not close(wrong, reference(*args)[k]):
            return hint
    return ["new_param should be param · (1 − lr · weight_decay) − lr · m̂ / (√v̂ + eps).",
            "new_m should be beta1 · m + (1 − beta1) · grad, from grad alone.",
            "new_v should be beta2 · v + (1 − beta2) · grad², from grad alone."][k]


def check(f, args, k_list, hint_prefix=""):
    out = f(*args)
    want = reference(*args)
    for k in k_list:
        assert_close(out[k], want[k], NAMES[k], hint=lambda: hint_prefix + diagnose(k, out[k], args))


def test_shapes(f):
    """Returns new_param, new_m, new_v shaped like param"""
    for seed, shape in enumerate(SHAPES):
        for name, got in zip(NAMES, f(*case(seed, shape))):
            if got.shape != shape:
                raise AssertionError(f"{name} has shape {got.shape}, expected {shape} (the shape of param).")


def test_decay_alone(f):
    """A zero gradient still shrinks the weights by lr · weight_decay"""
    for seed, shape in enumerate(SHAPES[:3]):
        g = rng(10 + seed)
        p = g.standard_normal(shape)
        z = np.zeros(shape)
        args = (p, z, z, z, 1, 0.1, 0.9, 0.999, 1e-8, 0.01)
        check(f, args, [0], "With grad = 0 (and m = v = 0) the Adam part is 0, and every weight should "
                            "shrink by the factor 1 − 0.1 · 0.01 = 0.999. ")


def test_moments(f):
    """m and v see the gradient alone, not the decay"""
    for seed, shape in enumerate(SHAPES):
        check(f, case(20 + seed, shape), [1, 2])


def test_step(f):
    """new_param decays the old weights, then takes the Adam step"""
    for seed, shape in enumerate(SHAPES):
        check(f, case(30 + seed, shape), [0])


def test_no_decay_is_adam(f):
    """weight_decay = 0 is plain Adam"""
    args = case(40, (2, 3))[:-1] + (0.0,)
    check(f, args, [0, 1, 2], "With weight_decay = 0 AdamW is Adam: bias-corrected m̂ / (√v̂ + eps). ")


def test_trajectory(f):
    """Five steps follow torch.optim.AdamW's path"""
    g = rng(50)
    A = np.diag([1.0, 10.0, 0.1])  # L = ½ θᵀ A θ, gradient A θ
    p, m, v = g.standard_normal(3), np.zeros(3), np.zeros(3)
    want = (p.copy(), m.copy(), v.copy())
    for t in range(1, 6):
        p, m, v = f(p, A @ p, m, v, t, 0.1, 0.9, 0.999, 1e-8, 0.1)
        want = reference(want[0], A @ want[0], want[1], want[2], t, 0.1, 0.9, 0.999, 1e-8, 0.1)
        for name, got, w in zip(NAMES, (p, m, v), want):
            assert_close(got, w, f"{name} after step {t}",
                         hint="Each step feeds back the new_m and new_v you returned (raw, not bias-corrected) "
                              "and the next t.")
