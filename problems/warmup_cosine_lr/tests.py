import math

from grader.testing import assert_close, rng


def schedule(s, base, floor, w, T, warm_shift=0, to_zero=False, global_progress=False, clamp=True):
    """The schedule; the keyword arguments switch on the classic mistakes."""
    if to_zero:
        floor = 0.0
    if s < w:
        return base * (s + warm_shift) / w
    if s >= T and clamp:
        return floor
    p = s / T if global_progress else (s - w) / (T - w)
    return floor + (base - floor) * 0.5 * (1.0 + math.cos(math.pi * p))


MISTAKES = [
    (dict(warm_shift=1), "Off by one in the warm-up: use step / warmup_steps, which is 0 at step 0 and reaches "
                         "base_lr exactly at step = warmup_steps, not (step + 1) / warmup_steps."),
    (dict(to_zero=True), "The decay goes to 0: it should end at min_lr, lr = min_lr + (base_lr − min_lr) · "
                         "(1 + cos(π p)) / 2."),
    (dict(global_progress=True), "The cosine's progress is (step − warmup_steps) / (total_steps − warmup_steps): "
                                 "the decay has its own clock, starting when the warm-up ends."),
    (dict(clamp=False), "Past total_steps the rate must stay at min_lr: cos(π p) rises again for p > 1."),
]


def diagnose(got, args):
    want = schedule(*args)
    for kwargs, hint in MISTAKES:
        wrong = schedule(*args, **kwargs)
        if not math.isclose(wrong, want, rel_tol=1e-9, abs_tol=1e-12) and \
                math.isclose(float(got), wrong, rel_tol=1e-9, abs_tol=1e-12):
            return hint
    s, base, floor, w, T = args
    if s < w:
        return f"Step {s} is in the warm-up (warmup_steps = {w}): lr = base_lr · step / warmup_steps."
    if s >= T:
        return f"Step {s} is past total_steps = {T}: lr = min_lr."
    return (f"Step {s} is in the cosine decay (from step {w} to {T}): p = (step − warmup_steps) / "
            "(total_steps − warmup_steps), lr = min_lr + (base_lr − min_lr) · (1 + cos(π p)) / 2.")


def check(f, args, name=None):
    got = f(*args)
    assert_close(got, schedule(*args), name or f"lr at step {args[0]}", atol=1e-12, rtol=1e-9,
                 hint=lambda: diagnose(got, args))


def test_warmup(f):
    """Warm-up rises linearly from 0 at step 0"""
    for s in [0, 1, 5, 9]:
        check(f, (s, 3e-4, 3e-5, 10, 100))


def test_peak(f):
    """The peak is base_lr, at step warmup_steps"""
    for w in [1, 10, 2000]:
        check(f, (w, 1e-3, 1e-5, w, w + 1000), f"lr at step warmup_steps = {w}")


def test_halfway(f):
    """Halfway through the decay the rate is the mean of base_lr and min_lr"""
    for w, T in [(10, 110), (0, 50), (100, 300)]:
        check(f, ((w + T) // 2, 0.5, 0.1, w, T), f"lr halfway between step {w} and step {T}")


def test_end(f):
    """The rate ends at min_lr at total_steps and stays there"""
    for s in [100, 101, 150, 1000]:
        check(f, (s, 0.1, 0.01, 10, 100))


def test_no_warmup(f):
    """With warmup_steps = 0 the schedule starts at base_lr"""
    check(f, (0, 0.1, 0.0, 0, 100), "lr at step 0 without warm-up")
    check(f, (1, 0.1, 0.0, 0, 100), "lr at step 1 without warm-up")


def test_whole_run(f):
    """Matches the schedule along a whole run, like a scheduler stepping each iteration"""
    g = rng(0)
    w, T = 7, 40
    base, floor = float(g.uniform(0.1, 1.0)), float(g.uniform(0.0, 0.05))
    for s in sorted({0, 1, 3, 6, 7, 8, 15, 20, 23, 31, 39, 40, 45}):
        check(f, (s, base, floor, w, T))
