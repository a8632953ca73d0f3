import numpy as np

from grader.testing import assert_close, numerical_gradient, rng

# (B, D, H, C): size-1 axes, square weights, a batch as large as the layers
SHAPES = [(4, 3, 5, 2), (1, 2, 1, 3), (3, 3, 3, 3), (5, 1, 4, 2), (4, 4, 4, 4)]
SHAPES.append(tuple(int(n) for n in rng(908).integers(1, 7, size=3)) + (int(rng(958).integers(2, 6)),))  # and one drawn at random (seeded)
NAMES = ["loss", "dx", "dW1", "db1", "dW2", "db2"]


def case(seed, B, D, H, C, scale=1.0):
    g = rng(seed)
    return (g.standard_normal((B, D)), g.standard_normal((H, D)), g.standard_normal(H),
            scale * g.standard_normal((C, H)), g.standard_normal(C), g.integers(0, C, size=B))


def loss_of(x, W1, b1, W2, b2, t):
    z = np.maximum(x @ W1.T + b1, 0.0) @ W2.T + b2
    m = z.max(axis=1)
    return float(np.mean(m + np.log(np.exp(z - m[:, None]).sum(axis=1)) - z[np.arange(len(t)), t]))


def reference(x, W1, b1, W2, b2, t, mask=True, dW2_from_h=False, batch_mean=True):
    """Loss and gradients; the keyword arguments switch on the classic mistakes."""
    B = x.shape[0]
    h = x @ W1.T + b1
    a = np.maximum(h, 0.0)
    z = a @ W2.T + b2
    p = np.exp(z - z.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    dz = p.copy()
    dz[np.arange(B), t] -= 1.0
    if batch_mean:
        dz /= B
    dW2 = dz.T @ (h if dW2_from_h else a)
    dh = (dz @ W2) * ((h > 0) if mask else 1.0)
    return loss_of(x, W1, b1, W2, b2, t), dh @ W1, dh.T @ x, dh.sum(axis=0), dW2, dz.sum(axis=0)


def close(a, b):
    return np.shape(a) == np.shape(b) and np.allclose(a, b, atol=1e-9, rtol=1e-9)


def diagnose(k, got, args):
    """Name the classic mistake output k matches, if any."""
    B = args[0].shape[0]
    mistakes = [
        (dict(mask=False), "The ReLU mask is missing: dh = da * (h > 0). Units that were off in the forward "
                           "pass (h ≤ 0) output a constant 0 and get no gradient."),
        (dict(dW2_from_h=True), "dW2 uses the pre-activation h: the second layer's input is the ReLU output "
                                "a = relu(h), so dW2 = dz.T @ a."),
        (dict(batch_mean=False), f"Every gradient is B = {B} times too large: the loss is a mean, so "
                                 "dz = (softmax(z) − one-hot) / B."),
    ]
    for kwargs, hint in mistakes:
        wrong = reference(*args, **kwargs)[k]
        if close(got, wrong) and not close(wrong, reference(*args)[k]):
            return hint
    if k >= 4 and B > 1 and close(got, reference(*args)[k] / B):
        return f"That is B = {B} times too small: the 1/B is already in dz; do not divide again."
    return {1: "dx should be dh @ W1, with dh = (dz @ W2) * (h > 0).",
            2: "dW1 should be dh.T @ x, with dh = (dz @ W2) * (h > 0).",
            3: "db1 should be dh.sum(axis=0), with dh = (dz @ W2) * (h > 0).",
            4: "dW2 should be dz.T @ a, with dz = (softmax(z) − one-hot) / B and a = relu(x @ W1.T + b1).",
            5: "db2 should be dz.sum(axis=0), with dz = (softmax(z) − one-hot) / B."}[k]


def check(f, k_list, seed0):
    for seed, shape in enumerate(SHAPES):
        args = case(seed0 + seed, *shape)
        out = f(*args)
        want = reference(*args)
        for k in k_list:
            assert_close(out[k], want[k], NAMES[k], hint=lambda: diagnose(k, out[k], args))


def test_shapes(f):
    """Returns the loss and five gradients shaped like x, W1, b1, W2, b2"""
    for seed, shape in enumerate(SHAPES):
        args = case(seed, *shape)
        out = f(*args)
        if np.ndim(out[0]) != 0:
            raise AssertionError(f"loss has shape {np.shape(out[0])}: it should be one number, the mean "
                                 "over the batch.")
        for name, got, like, what in zip(NAMES[1:], out[1:], args[:5], ["x", "W1", "b1", "W2", "b2"]):
            if got.shape != like.shape:
                extra = (": transposed. The weights are stored (out, in), so dW = (gradient of the layer's "
                         "output).T @ (the layer's input)" if got.shape == like.shape[::-1] else "")
                raise AssertionError(f"{name} has shape {got.shape}, expected {like.shape} (the shape of "
                                     f"{what}){extra}.")


def test_loss(f):
    """loss is the mean cross-entropy of the network's logits"""
    for seed, shape in enumerate(SHAPES):
        args = case(10 + seed, *shape)
        loss = f(*args)[0]
        x, W1, b1, W2, b2, t = args
        B = x.shape[0]
        want = loss_of(*args)


        def hint():
            if B > 1 and close(loss, B * want):
                return f"That is the sum over the batch: the loss is the mean (divide by B = {B})."
            z = (x @ W1.T + b1) @ W2.T + b2  # the same network without its ReLU
            m = z.max(axis=1)
            lin = float(np.mean(m + np.log(np.exp(z - m[:, None]).sum(axis=1)) - z[np.arange(B), t]))
            if close(loss, lin):
                return "The ReLU is missing from the forward pass: a = relu(x @ W1.T + b1)."
            return ("loss should be the mean over the batch of logsumexp(z_i) − z_i[t_i], with "
                    "z = relu(x @ W1.T + b1) @ W2.T + b2.")
        assert_close(loss, want, "loss", hint=hint)


def test_output_layer(f):
    """dW2 and db2 match the output layer's gradients"""
    check(f, [4, 5], 20)


def test_hidden_layer(f):
    """dW1 and db1 come back through the ReLU mask"""
    check(f, [2, 3], 30)


def test_dx(f):
    """dx matches the gradient that reaches the input"""
    check(f, [1], 40)


def test_large_logits(f):
    """Stable when the logits are in the thousands"""
    args = case(50, 4, 3, 5, 3, scale=2000.0)
    out = f(*args)
    want = reference(*args)
    for k in range(6):
        assert_close(out[k], want[k], NAMES[k],
                     hint="Here the logits reach thousands: exp(z) overflows unless you subtract each "
                          "row's max first (softmax and log-sum-exp do not change).")


def test_finite_differences(f):
    """Diagnostic: matches finite-difference numerical gradient"""
    args = case(60, 3, 2, 4, 3)
    out = f(*args)
    for k in range(1, 6):
        def L(v, k=k):
            a = list(args)
            a[k - 1] = v  # output k is the gradient of argument k - 1
            return loss_of(*a)
        num = numerical_gradient(L, args[k - 1])
        assert_close(out[k], num, NAMES[k], atol=1e-5, rtol=1e-4,
                     hint=lambda: "Compared with a finite-difference estimate of the loss's gradient. "
                                  + diagnose(k, out[k], args))
