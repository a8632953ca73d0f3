import numpy as np

from grader.testing import assert_close, rng

SHAPES = [(5,), (1,), (3, 3), (2, 1, 4), (4, 2)]
# and one shape drawn at random (seeded): 1 to 3 axes of 1 to 6 entries
SHAPES.append(tuple(int(n) for n in rng(910).integers(1, 7, size=int(rng(960).integers(1, 4)))))
NAMES = ["new_param", "new_m", "new_v"]


def reference(p, g, m, v, t, lr, b1, b2, eps, correct=True, t_shift=0, eps_inside=False):
    """One Adam step; the keyword arguments switch on the classic mistakes."""
    m2 = b1 * m + (1 - b1) * g
    v2 = b2 * v + (1 - b2) * g * g
    tc = t + t_shift
    mh = m2 / (1 - b1**tc) if correct else m2
    vh = v2 / (1 - b2**tc) if correct else v2
    denom = np.sqrt(vh + eps) if eps_inside else np.sqrt(vh) + eps
    return p - lr * mh / denom, m2, v2


def case(seed, shape, t=None, fresh=False):
    g = rng(seed)
    p, grad = g.standard_normal(shape), g.standard_normal(shape)
    if fresh:
        return p, grad, np.zeros(shape), np.zeros(shape), 1, 0.1, 0.9, 0.999, 1e-8
    m, v = 0.1 * g.standard_normal(shape), 0.01 * g.random(shape)
    return p, grad, m, v, int(t or g.integers(2, 50)), float(g.uniform(1e-3, 0.1)), 0.9, 0.999, 1e-8


def close(a, b):
    return np.shape(a) == np.shape(b) and np.allclose(a, b, atol=1e-10, rtol=1e-10)


def diagnose(k, got, args):
    """Name the classic mistake output k of the step matches, if any."""
    p, g, m, v, t, lr, b1, b2, eps = args
    if k == 0:
        with np.errstate(divide="ignore", invalid="ignore"):
            mistakes = [
                (dict(correct=False), "There is no bias correction: divide m by 1 − beta1**t and v by "
                                      "1 − beta2**t before the step. They started at 0 and are too small."),
                (dict(t_shift=1), "Off by one: the correction uses the t you are given (1 on the first step), "
                                  "not t + 1."),
                (dict(t_shift=-1), "Off by one: the correction uses the t you are given (1 on the first step), "
                                   "not t − 1."),
                (dict(eps_inside=True), "eps belongs outside the square root: √v̂ + eps, not √(v̂ + eps)."),
            ]
            for kwargs, hint in mistakes:
                if close(got, reference(*args, **kwargs)[0]):
                    return hint
        if close(got, 2 * p - reference(*args)[0]):  # param + step instead of param − step
            return "Wrong sign: descend, param − lr · m̂ / (√v̂ + eps)."
        return "new_param should be param − lr · m̂ / (√v̂ + eps), with m̂ = new_m / (1 − beta1**t), v̂ = new_v / (1 − beta2**t)."
    m2, v2 = reference(*args)[1:]
    if k == 1:
        if close(got, m2 / (1 - b1**t)):
            return "That is the bias-corrected m̂: return the raw average new_m, the state the next step builds on."
        if close(got, b1 * m + g):
            return "The factor (1 − beta1) on the gradient is missing: new_m = beta1 · m + (1 − beta1) · grad."
        if close(got, b2 * m + (1 - b2) * g):
            return "m decays with beta1, not beta2."
        return "new_m should be beta1 · m + (1 − beta1) · grad."
    if close(got, v2 / (1 - b2**t)):
        return "That is the bias-corrected v̂: return the raw average new_v, the state the next step builds on."
    if close(got, b2 * v + (1 - b2) * np.abs(g)):
        return "v averages the square of the gradient, grad * grad, not its absolute value."
    if close(got, b1 * v + (1 - b1) * g * g):
        return "v decays with beta2, not beta1."
    return "new_v should be beta2 · v + (1 − beta2) · grad²."


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


def test_first_step(f):
    """First step moves every entry by about lr, against its gradient's sign"""
    for seed, shape in enumerate(SHAPES):
        args = case(10 + seed, shape, fresh=True)
        check(f, args, [0], "At t = 1, m̂ = grad and v̂ = grad², so the step is lr · sign(grad). ")


def test_moments(f):
    """new_m and new_v are the moving averages of grad and grad²"""
    for seed, shape in enumerate(SHAPES):
        check(f, case(20 + seed, shape), [1, 2])


def test_bias_correction(f):
    """Bias correction uses the step number t"""
    for seed, t in enumerate([2, 3, 10, 100, 5000]):
        check(f, case(30 + seed, (2, 3), t=t), [0], f"At t = {t}: ")


def test_eps_placement(f):
    """eps is added after the square root"""
    g = rng(40)
    p, grad = g.standard_normal(4), 1e-4 * g.standard_normal(4)  # tiny gradients: eps matters
    args = (p, grad, np.zeros(4), np.zeros(4), 1, 0.1, 0.9, 0.999, 1e-3)
    check(f, args, [0], "With gradients of 1e-4 and eps = 1e-3 the placement of eps shows. ")


def test_trajectory(f):
    """Five steps follow torch.optim.Adam's path"""
    g = rng(50)
    A = np.diag([1.0, 10.0, 0.1])  # L = ½ θᵀ A θ, gradient A θ
    p, m, v = g.standard_normal(3), np.zeros(3), np.zeros(3)
    want = (p.copy(), m.copy(), v.copy())
    for t in range(1, 6):
        p, m, v = f(p, A @ p, m, v, t, 0.1, 0.9, 0.999, 1e-8)
        want = reference(want[0], A @ want[0], want[1], want[2], t, 0.1, 0.9, 0.999, 1e-8)
        for name, got, w in zip(NAMES, (p, m, v), want):
            assert_close(got, w, f"{name} after step {t}",
                         hint="Each step feeds back the new_m and new_v you returned (raw, not bias-corrected) "
                              "and the next t.")
