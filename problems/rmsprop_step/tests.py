import numpy as np

from grader.testing import assert_close, rng

SHAPES = [(5,), (1,), (3, 3), (2, 1, 4), (4, 2)]
SHAPES.append(tuple(int(n) for n in rng(915).integers(1, 7, size=int(rng(965).integers(1, 4)))))  # seeded random
NAMES = ["new_param", "new_square_avg"]


def case(seed, shape, fresh=False, eps=1e-8):
    g = rng(seed)
    p, grad = g.standard_normal(shape), g.standard_normal(shape)
    s = np.zeros(shape) if fresh else g.random(shape)
    return p, grad, s, float(g.uniform(1e-3, 0.1)), float(g.uniform(0.8, 0.999)), eps


def reference(p, g, s, lr, a, eps, mistake=None):
    """One RMSprop step; `mistake` names a classic one."""
    if mistake == "swapped":
        s2 = (1 - a) * s + a * g * g
    elif mistake == "abs":
        s2 = a * s + (1 - a) * np.abs(g)
    else:
        s2 = a * s + (1 - a) * g * g
    used = s if mistake == "old_avg" else s2
    if mistake == "eps_inside":
        denom = np.sqrt(used + eps)
    elif mistake == "no_sqrt":
        denom = used + eps
    else:
        denom = np.sqrt(used) + eps
    if mistake == "bias_corrected":
        denom = np.sqrt(used / (1 - a)) + eps
    with np.errstate(divide="ignore", invalid="ignore"):
        return p - lr * g / denom, s2


HINTS = {
    "swapped": "alpha weighs the old average and (1 − alpha) the new gradient²: alpha · square_avg + (1 − alpha) · grad².",
    "abs": "The average is of the squared gradient, grad * grad, not of its absolute value.",
    "old_avg": "The step used the old square_avg: update the average first, then divide by √new_square_avg.",
    "eps_inside": "eps belongs outside the square root: √new_square_avg + eps.",
    "no_sqrt": "Divide by the square root of the average (the root mean square), not by the average itself.",
    "bias_corrected": ("That is a bias-corrected step, as in Adam: RMSprop has no step counter and no correction; "
                       "divide by √new_square_avg + eps."),
}


def close(a, b):
    return np.shape(a) == np.shape(b) and np.allclose(a, b, atol=1e-10, rtol=1e-10)


def diagnose(k, got, args):
    want = reference(*args)[k]
    for mistake, hint in HINTS.items():
        wrong = reference(*args, mistake=mistake)[k]
        if np.all(np.isfinite(wrong)) and close(got, wrong) and not close(wrong, want):
            return hint
    return ["new_param should be param − lr · grad / (√new_square_avg + eps).",
            "new_square_avg should be alpha · square_avg + (1 − alpha) · grad²."][k]


def check(f, args, k_list, prefix=""):
    out = f(*args)
    want = reference(*args)
    for k in k_list:
        assert_close(out[k], want[k], NAMES[k], hint=lambda: prefix + diagnose(k, out[k], args))


def test_shapes(f):
    """Returns new_param and new_square_avg shaped like param"""
    for seed, shape in enumerate(SHAPES):
        for name, got in zip(NAMES, f(*case(seed, shape))):
            if got.shape != shape:
                raise AssertionError(f"{name} has shape {got.shape}, expected {shape} (the shape of param).")


def test_square_avg(f):
    """new_square_avg is the moving average of grad²"""
    for seed, shape in enumerate(SHAPES):
        check(f, case(10 + seed, shape), [1])


def test_step(f):
    """new_param divides grad by the root of the new average"""
    for seed, shape in enumerate(SHAPES):
        check(f, case(20 + seed, shape), [0])


def test_first_step(f):
    """From a zero average the first step is lr / √(1 − alpha), with no bias correction"""
    for seed, shape in enumerate(SHAPES[:3]):
        check(f, case(30 + seed, shape, fresh=True), [0],
              "From square_avg = 0 the new average is (1 − alpha) · grad², so each entry moves by "
              "lr / √(1 − alpha). ")


def test_eps_placement(f):
    """eps is added after the square root"""
    g = rng(40)
    p, grad = g.standard_normal(4), 1e-4 * g.standard_normal(4)  # tiny gradients: eps matters
    check(f, (p, grad, np.zeros(4), 0.01, 0.9, 1e-3), [0],
          "With gradients of 1e-4 and eps = 1e-3 the placement of eps shows. ")


def test_trajectory(f):
    """Ten steps on a quadratic follow torch.optim.RMSprop"""
    g = rng(50)
    A = np.diag([1.0, 100.0, 0.01])  # gradients of very different sizes
    p, s = g.standard_normal(3), np.zeros(3)
    want = (p.copy(), s.copy())
    for step in range(10):
        p, s = f(p, A @ p, s, 0.01, 0.99, 1e-8)
        want = reference(want[0], A @ want[0], want[1], 0.01, 0.99, 1e-8)
        assert_close(p, want[0], f"param after step {step + 1}",
                     hint="Each step feeds back the new_square_avg you returned.")
