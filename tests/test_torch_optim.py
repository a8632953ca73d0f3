"""Track "optim": every reference solution agrees with PyTorch's own optimizers, to 1e-9.

torch.optim.SGD (plain and Nesterov), RMSprop, Adam and AdamW step real float64 parameters,
from a given state injected into the optimizer and along multi-step trajectories from a fresh
one; autograd's gradients on micro-batches must combine into the whole batch's;
torch.nn.utils.clip_grad_norm_ clips real .grad tensors; LambdaLR and CosineAnnealingLR
give the schedule. Each reference (problems/<slug>/solution.py) must reproduce them. torch is a
test dependency: this file must not be skipped when it is missing.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch

from references import TOL, check_agreement, load_reference

SEEDS = range(8)


def random_shape(g):
    nd = int(g.integers(1, 4))
    if g.random() < 0.33:
        return (int(g.integers(1, 5)),) * nd
    return tuple(int(v) for v in g.integers(1, 5, size=nd))


def param(a):
    return torch.nn.Parameter(torch.tensor(a, dtype=torch.float64))


def np_of(t):
    return t.detach().numpy().copy()


# --- SGD with momentum -----------------------------------------------------------------

@pytest.mark.parametrize("seed", SEEDS)
def test_sgd_momentum_one_step(seed):
    """From an arbitrary velocity, injected as the optimizer's momentum buffer."""
    g = np.random.default_rng(seed)
    shape = random_shape(g)
    p, grad, v = g.standard_normal(shape), g.standard_normal(shape), g.standard_normal(shape)
    lr, mu = float(g.uniform(0.01, 0.5)), float(g.uniform(0.0, 0.99))
    pt = param(p)
    opt = torch.optim.SGD([pt], lr=lr, momentum=mu, foreach=False)
    opt.state[pt]["momentum_buffer"] = torch.tensor(v)
    pt.grad = torch.tensor(grad)
    opt.step()
    want = (np_of(pt), np_of(opt.state[pt]["momentum_buffer"]))
    check_agreement("sgd_momentum", load_reference("sgd_momentum", "sgd_momentum"), (p, grad, v, lr, mu),
                    want, f"seed {seed}, shape {shape}")


def trajectory(step_fn, opt_factory, g, steps, shape):
    """Run torch's optimizer and step_fn side by side on random gradients; yield both states."""
    p = g.standard_normal(shape)
    pt = param(p)
    opt = opt_factory(pt)
    state = None
    for t in range(1, steps + 1):
        grad = g.standard_normal(shape)
        pt.grad = torch.tensor(grad)
        opt.step()
        p, state = step_fn(p, grad, state, t)
        yield t, p, pt, opt.state[pt]


@pytest.mark.parametrize("seed", SEEDS)
def test_sgd_momentum_trajectory(seed):
    g = np.random.default_rng(100 + seed)
    ref = load_reference("sgd_momentum", "sgd_momentum")
    shape = random_shape(g)

    def step(p, grad, v, t):
        return ref(p, grad, np.zeros_like(p) if v is None else v, 0.05, 0.9)

    for t, p, pt, _ in trajectory(step, lambda pt: torch.optim.SGD([pt], lr=0.05, momentum=0.9), g, 20, shape):
        np.testing.assert_allclose(p, np_of(pt), **TOL, err_msg=f"sgd_momentum: step {t}, seed {seed}")


@pytest.mark.parametrize("seed", SEEDS)
def test_sgd_nesterov_one_step(seed):
    g = np.random.default_rng(600 + seed)
    shape = random_shape(g)
    p, grad, v = g.standard_normal(shape), g.standard_normal(shape), g.standard_normal(shape)
    lr, mu = float(g.uniform(0.01, 0.5)), float(g.uniform(0.01, 0.99))
    pt = param(p)
    opt = torch.optim.SGD([pt], lr=lr, momentum=mu, nesterov=True, foreach=False)
    opt.state[pt]["momentum_buffer"] = torch.tensor(v)
    pt.grad = torch.tensor(grad)
    opt.step()
    want = (np_of(pt), np_of(opt.state[pt]["momentum_buffer"]))
    check_agreement("sgd_nesterov", load_reference("sgd_nesterov", "sgd_nesterov"), (p, grad, v, lr, mu),
                    want, f"seed {seed}, shape {shape}")


@pytest.mark.parametrize("seed", SEEDS)
def test_sgd_nesterov_trajectory(seed):
    g = np.random.default_rng(700 + seed)
    ref = load_reference("sgd_nesterov", "sgd_nesterov")
    shape = random_shape(g)

    def step(p, grad, v, t):
        return ref(p, grad, np.zeros_like(p) if v is None else v, 0.05, 0.9)

    factory = lambda pt: torch.optim.SGD([pt], lr=0.05, momentum=0.9, nesterov=True)
    for t, p, pt, _ in trajectory(step, factory, g, 20, shape):
        np.testing.assert_allclose(p, np_of(pt), **TOL, err_msg=f"sgd_nesterov: step {t}, seed {seed}")


# --- RMSprop -----------------------------------------------------------------------------

@pytest.mark.parametrize("seed", SEEDS)
def test_rmsprop_step(seed):
    g = np.random.default_rng(800 + seed)
    shape = random_shape(g)
    p, grad = g.standard_normal(shape), g.standard_normal(shape)
    s = np.zeros(shape) if seed % 3 == 0 else g.random(shape)
    lr, alpha, eps = float(g.uniform(1e-3, 0.1)), float(g.uniform(0.8, 0.999)), float(g.choice([1e-8, 1e-3]))
    pt = param(p)
    opt = torch.optim.RMSprop([pt], lr=lr, alpha=alpha, eps=eps, foreach=False)
    opt.state[pt] = {"step": torch.tensor(0.0), "square_avg": torch.tensor(s)}
    pt.grad = torch.tensor(grad)
    opt.step()
    want = (np_of(pt), np_of(opt.state[pt]["square_avg"]))
    check_agreement("rmsprop_step", load_reference("rmsprop_step", "rmsprop_step"), (p, grad, s, lr, alpha, eps),
                    want, f"seed {seed}, shape {shape}")


@pytest.mark.parametrize("seed", SEEDS[:4])
def test_rmsprop_trajectory(seed):
    g = np.random.default_rng(850 + seed)
    ref = load_reference("rmsprop_step", "rmsprop_step")
    shape = random_shape(g)

    def step(p, grad, s, t):
        return ref(p, grad, np.zeros_like(p) if s is None else s, 0.01, 0.99, 1e-8)

    factory = lambda pt: torch.optim.RMSprop([pt], lr=0.01, alpha=0.99, eps=1e-8)
    for t, p, pt, _ in trajectory(step, factory, g, 20, shape):
        np.testing.assert_allclose(p, np_of(pt), **TOL, err_msg=f"rmsprop_step: step {t}, seed {seed}")


# --- Adam and AdamW --------------------------------------------------------------------

def adam_inputs(g, shape):
    p, grad = g.standard_normal(shape), g.standard_normal(shape)
    m, v = 0.1 * g.standard_normal(shape), 0.01 * g.random(shape)
    t = int(g.choice([1, 2, 7, 100, 5000]))
    if t == 1:
        m, v = np.zeros(shape), np.zeros(shape)
    hyper = (float(g.uniform(1e-3, 0.1)), float(g.uniform(0.5, 0.95)), float(g.uniform(0.9, 0.9999)),
             float(g.choice([1e-8, 1e-3])))
    return p, grad, m, v, t, hyper


def torch_step(opt_cls, p, grad, m, v, t, lr, b1, b2, eps, **extra):
    """One step of torch's optimizer from the state (m, v, t − 1 steps done)."""
    pt = param(p)
    opt = opt_cls([pt], lr=lr, betas=(b1, b2), eps=eps, foreach=False, **extra)
    opt.state[pt] = {"step": torch.tensor(float(t - 1)), "exp_avg": torch.tensor(m),
                     "exp_avg_sq": torch.tensor(v)}
    pt.grad = torch.tensor(grad)
    opt.step()
    s = opt.state[pt]
    assert float(s["step"]) == t
    return np_of(pt), np_of(s["exp_avg"]), np_of(s["exp_avg_sq"])


@pytest.mark.parametrize("seed", SEEDS)
def test_adam_step(seed):
    g = np.random.default_rng(200 + seed)
    shape = random_shape(g)
    p, grad, m, v, t, (lr, b1, b2, eps) = adam_inputs(g, shape)
    want = torch_step(torch.optim.Adam, p, grad, m, v, t, lr, b1, b2, eps)
    check_agreement("adam_step", load_reference("adam_step", "adam_step"), (p, grad, m, v, t, lr, b1, b2, eps),
                    want, f"seed {seed}, shape {shape}, t={t}")


@pytest.mark.parametrize("seed", SEEDS)
def test_adamw_step(seed):
    g = np.random.default_rng(300 + seed)
    shape = random_shape(g)
    p, grad, m, v, t, (lr, b1, b2, eps) = adam_inputs(g, shape)
    wd = float(g.choice([0.0, 0.01, 0.3]))
    want = torch_step(torch.optim.AdamW, p, grad, m, v, t, lr, b1, b2, eps, weight_decay=wd)
    check_agreement("adamw_step", load_reference("adamw_step", "adamw_step"),
                    (p, grad, m, v, t, lr, b1, b2, eps, wd), want, f"seed {seed}, shape {shape}, t={t}, wd={wd}")


@pytest.mark.parametrize("slug, opt_cls, extra", [("adam_step", torch.optim.Adam, ()),
                                                  ("adamw_step", torch.optim.AdamW, (0.1,))])
@pytest.mark.parametrize("seed", SEEDS[:4])
def test_adam_trajectories(slug, opt_cls, extra, seed):
    """Twenty steps from a fresh optimizer, feeding the reference its own state."""
    g = np.random.default_rng(400 + seed)
    ref = load_reference(slug, slug)
    shape = random_shape(g)
    hyper = (0.01, 0.9, 0.999, 1e-8)
    kwargs = {"weight_decay": extra[0]} if extra else {}

    def step(p, grad, state, t):
        m, v = state if state is not None else (np.zeros_like(p), np.zeros_like(p))
        p, m, v = ref(p, grad, m, v, t, *hyper, *extra)
        return p, (m, v)

    factory = lambda pt: opt_cls([pt], lr=hyper[0], betas=hyper[1:3], eps=hyper[3], **kwargs)
    for t, p, pt, _ in trajectory(step, factory, g, 20, shape):
        np.testing.assert_allclose(p, np_of(pt), **TOL, err_msg=f"{slug}: step {t}, seed {seed}")


# --- gradient accumulation: micro-batch gradients from autograd must combine to the full batch's ---

@pytest.mark.parametrize("seed", SEEDS)
def test_accumulate_gradients(seed):
    """A small MLP's mean cross-entropy: torch's gradient on the whole batch versus the reference
    combining torch's gradients on micro-batches of random (often unequal) sizes."""
    g = np.random.default_rng(900 + seed)
    N, D, H, C = int(g.integers(2, 30)), 3, 4, 3
    x, t = torch.tensor(g.standard_normal((N, D))), torch.tensor(g.integers(0, C, size=N))
    torch.manual_seed(seed)  # the initial weights: deterministic
    model = torch.nn.Sequential(torch.nn.Linear(D, H), torch.nn.Tanh(), torch.nn.Linear(H, C)).double()

    def flat_grad(xb, tb):
        model.zero_grad()
        torch.nn.functional.cross_entropy(model(xb), tb).backward()
        return torch.cat([p.grad.reshape(-1) for p in model.parameters()]).numpy().copy()

    full = flat_grad(x, t)
    k = int(g.integers(1, N + 1))
    cuts = np.sort(g.choice(np.arange(1, N), size=k - 1, replace=False)) if k > 1 else np.array([], int)
    bounds = [0, *cuts.tolist(), N]
    grads = np.array([flat_grad(x[a:b], t[a:b]) for a, b in zip(bounds, bounds[1:])])
    sizes = np.diff(bounds).astype(np.int64)
    check_agreement("accumulate_gradients", load_reference("accumulate_gradients", "accumulate_gradients"),
                    (grads, sizes), full, f"seed {seed}, N={N}, sizes={sizes.tolist()}")


# --- clipping by the global norm -------------------------------------------------------

@pytest.mark.parametrize("seed", SEEDS)
def test_clip_grad_norm(seed):
    g = np.random.default_rng(500 + seed)
    H, D, C = (int(v) for v in g.integers(1, 6, size=3))
    grads = [float(g.choice([0.1, 1.0, 10.0])) * g.standard_normal(s) for s in [(H, D), (H,), (C, H), (C,)]]
    max_norm = float(g.uniform(0.5, 5.0))
    params = [param(np.zeros_like(a)) for a in grads]
    for pt, a in zip(params, grads):
        pt.grad = torch.tensor(a)
    total = torch.nn.utils.clip_grad_norm_(params, max_norm, foreach=False)
    want = (*(np_of(pt.grad) for pt in params), float(total))
    check_agreement("clip_grad_norm", load_reference("clip_grad_norm", "clip_grad_norm"), (*grads, max_norm),
                    want, f"seed {seed}, H={H}, D={D}, C={C}, max_norm={max_norm:.3g}")


# --- warm-up + cosine schedule -----------------------------------------------------------

@pytest.mark.parametrize("w, T", [(0, 30), (1, 10), (5, 40), (20, 21), (100, 1000)])
def test_warmup_cosine_lr(w, T):
    """Warm-up against LambdaLR(s / w); the decay against CosineAnnealingLR(T_max = T − w)."""
    ref = load_reference("warmup_cosine_lr", "warmup_cosine_lr")
    base, floor = 0.3, 0.01

    def lrs(scheduler_factory, n):
        opt = torch.optim.SGD([param(np.zeros(1))], lr=base)
        sched = scheduler_factory(opt)
        out = []
        for _ in range(n):
            out.append(opt.param_groups[0]["lr"])
            opt.step()
            sched.step()
        return out

    warm = lrs(lambda o: torch.optim.lr_scheduler.LambdaLR(o, lambda s: s / w), w) if w else []
    decay = lrs(lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=T - w, eta_min=floor), T - w + 1)
    for s, want in enumerate(warm + decay):
        got = ref(s, base, floor, w, T)
        assert type(got) is float, f"step {s}: the reference returned {type(got).__name__}, not float"
        np.testing.assert_allclose(got, want, **TOL, err_msg=f"warmup_cosine_lr: step {s}, w={w}, T={T}")
    for s in (T, T + 1, 2 * T):  # after the end torch's cosine would rise again; the schedule stays at the floor
        assert ref(s, base, floor, w, T) == floor
