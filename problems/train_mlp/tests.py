import numpy as np

from grader.testing import assert_true, attach

CLASSES = 3
THRESHOLD = 0.95


def spiral(n_per_class, seed, noise=0.2):
    """Three interleaved spiral arms in 2-D: (X (N, 2) float64, y (N,) int64)."""
    g = np.random.default_rng(seed)
    X = np.zeros((CLASSES * n_per_class, 2))
    y = np.repeat(np.arange(CLASSES), n_per_class)
    for c in range(CLASSES):
        r = g.uniform(0.05, 1.0, n_per_class)                    # radius
        t = 4.0 * c + 4.0 * r + noise * g.standard_normal(n_per_class)   # angle: one arm per class
        X[c * n_per_class:(c + 1) * n_per_class] = np.stack([r * np.sin(t), r * np.cos(t)], axis=1)
    return X, y


def logits(params, X):
    """The test's own forward pass: the learner's parameters, never the learner's code."""
    W1, b1, W2, b2 = params[:4]
    return np.maximum(X @ W1 + b1, 0.0) @ W2 + b2


def accuracy(params, X, y):
    return float(np.mean(np.argmax(logits(params, X), axis=1) == y))


def mean_cross_entropy(params, X, y):
    z = logits(params, X)
    z = z - z.max(axis=1, keepdims=True)
    return float(np.mean(np.log(np.exp(z).sum(axis=1)) - z[np.arange(len(y)), y]))


def check_shapes(params):
    W1, b1, W2, b2, losses = params
    assert_true(losses.ndim == 1 and losses.size > 0,
                f"losses has shape {losses.shape}; expected one mean training loss per step, shape (STEPS,): "
                "append the step's loss to a list inside the loop and return np.array(losses).")
    hint = ""
    if W1.ndim == 2 and W1.shape[1] == 2 and W1.shape[0] != 2:
        hint = " W1 looks transposed: the model computes X @ W1 with X of shape (N, 2), so W1 is (2, HIDDEN)."
    assert_true(W1.ndim == 2 and W1.shape[0] == 2,
                f"W1 has shape {W1.shape}; expected (2, HIDDEN): 2 input features to HIDDEN units.{hint}")
    H = W1.shape[1]
    for name, got, want in (("b1", b1.shape, (H,)), ("W2", W2.shape, (H, CLASSES)), ("b2", b2.shape, (CLASSES,))):
        extra = " W2 looks transposed: logits = h @ W2 + b2, with h of shape (N, HIDDEN)." \
            if name == "W2" and got == (CLASSES, H) else ""
        assert_true(got == want, f"{name} has shape {got}; with W1 of shape {W1.shape} (HIDDEN = {H}) it must be "
                                 f"{want}.{extra}")
    for name, p in zip(("W1", "b1", "W2", "b2"), params):
        assert_true(np.all(np.isfinite(p)), f"{name} contains NaN or inf: training diverged. A smaller learning "
                                            "rate, or a stable softmax (subtract the row max), usually fixes it.")


def test_shapes(f):
    """Returns W1 (2, H), b1 (H,), W2 (H, 3), b2 (3,) and the losses"""
    X, y = spiral(10, 100)
    check_shapes(f(X, y, 0))


def test_parameters_trained(f):
    """The parameters are trained: the training loss ends far below an untrained network's"""
    X, y = spiral(20, 200)
    params = f(X, y, 1)
    check_shapes(params)
    loss, acc = mean_cross_entropy(params, X, y), accuracy(params, X, y)
    if loss < 0.5:
        return
    chance = np.log(3)
    stats = (f"After train() the mean cross-entropy on its own training set is {loss:.3f} (an untrained network "
             f"is near log 3 = {chance:.3f}) and the training accuracy {acc:.0%}: ")
    if loss > 1.5 * chance:
        raise AssertionError(stats + "the loss went up, so the updates push the wrong way or much too far. Look for "
                             "a gradient that is N times too large (dlogits = (p − one_hot) / N: the loss is a "
                             "mean), a sign (W -= LR * dW, not +=), or a learning rate too large.")
    if loss > 0.9 * chance:
        raise AssertionError(stats + "the returned parameters look untrained. Does the loop update them "
                             "(W1 -= LR * dW1, …, in place or by reassignment), and do you return the updated "
                             "arrays rather than copies made before the loop?")
    raise AssertionError(stats + "it learned something, but far too little for 60 points. A "
                         "gradient is probably wrong: the ReLU mask (z1 > 0) on the hidden gradient, h.T @ dlogits "
                         "and X.T @ dz1, the sums over the batch for the biases. Check each against finite "
                         "differences on a tiny network.")


def test_deterministic(f):
    """The same seed gives the same parameters"""
    X, y = spiral(10, 300)
    first, second = f(X, y, 7), f(X, y, 7)
    check_shapes(first)
    for name, a, b in zip(("W1", "b1", "W2", "b2"), first, second):
        assert_true(a.shape == b.shape and np.array_equal(a, b),
                    f"Two calls with seed = 7 returned different {name}: draw every random number from "
                    "rng = np.random.default_rng(seed), never from np.random.* or an unseeded generator.")


def test_seed_used(f):
    """Different seeds give different initialisations"""
    X, y = spiral(10, 400)
    a, b = f(X, y, 1), f(X, y, 2)
    check_shapes(a)
    assert_true(not np.array_equal(a[0], b[0]),
                "Seeds 1 and 2 returned the same W1: initialise from np.random.default_rng(seed), with the seed "
                "you were given, not a fixed one.")


def draw(params, X_test, y_test, test_acc):
    """The loss curve the learner's training reported, and the decision boundary of the returned
    network as this test's own forward pass computes it, over the held-out points."""
    losses = params[4]
    step = max(1, losses.size // 200)
    attach({"kind": "line", "title": "Training loss (mean cross-entropy) per step", "x_label": "step",
            "y_label": "loss", "x_step": step, "series": [{"name": "your training loss", "y": [round(float(v), 5) for v in losses[::step]]}]})
    lo, hi, n = -1.1, 1.1, 48
    xs = np.linspace(lo, hi, n)
    gx, gy = np.meshgrid(xs, xs[::-1])
    grid = np.argmax(logits(params, np.stack([gx.ravel(), gy.ravel()], axis=1)), axis=1).reshape(n, n)
    pick = np.random.default_rng(0).choice(len(y_test), 300, replace=False)
    attach({"kind": "scatter", "title": f"Decision boundary and 300 held-out points ({test_acc:.1%} correct)",
            "points": [[round(float(X_test[i, 0]), 4), round(float(X_test[i, 1]), 4), int(y_test[i])] for i in pick],
            "grid": {"x0": lo, "x1": hi, "y0": lo, "y1": hi, "values": grid.tolist()}})


def test_held_out_accuracy(f):
    """Held-out accuracy is at least 95 %"""
    X, y = spiral(100, 1)               # 300 training points
    X_test, y_test = spiral(500, 2)     # 1500 points it never saw, from the same spirals
    params = f(X, y, 0)
    check_shapes(params)
    train_acc, test_acc = accuracy(params, X, y), accuracy(params, X_test, y_test)
    loss = mean_cross_entropy(params, X, y)
    draw(params, X_test, y_test, test_acc)
    if test_acc >= THRESHOLD:
        return
    if train_acc < 0.97:
        why = ("The network did not fit its own training set either (the training loss should end below 0.1), so "
               "training is the problem, not generalization: too few steps, a learning rate too small, or a "
               "gradient that is slightly wrong (the ReLU mask (z1 > 0) on the hidden gradient, the softmax − "
               "one-hot over N, h.T and X.T in the weight gradients). Print the loss every few hundred steps, "
               "and check each gradient against finite differences on a tiny network.")
    else:
        why = ("The training set is fitted but the held-out set is not: the network memorized noise. Fewer hidden "
               "units, fewer steps or a smaller learning rate give a smoother decision boundary.")
    raise AssertionError(f"Held-out accuracy {test_acc:.1%} (training accuracy {train_acc:.1%}, training loss "
                         f"{loss:.3f}); at least {THRESHOLD:.0%} is needed on 1500 points it did not train on. {why}")
