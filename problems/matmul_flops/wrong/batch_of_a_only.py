# fails: Broadcast batch axes
# says: That is one matrix product
import math


def matmul_flops(shape_a, shape_b):
    """FLOPs of np.matmul(A, B) for A of shape shape_a and B of shape shape_b."""
    assert len(shape_a) >= 2 and len(shape_b) >= 2, "both operands must be at least 2-D"
    *batch_a, M, K = shape_a
    *batch_b, K2, N = shape_b
    assert K == K2, f"inner sizes differ: {tuple(shape_a)} @ {tuple(shape_b)}"
    # Broadcast the batch axes, aligned from the right; a missing axis counts as 1.
    n = max(len(batch_a), len(batch_b))
    batch_a = [1] * (n - len(batch_a)) + batch_a
    batch_b = [1] * (n - len(batch_b)) + batch_b
    batch = []
    for a, b in zip(batch_a, batch_b):
        assert a == b or a == 1 or b == 1, f"batch axes do not broadcast: {tuple(shape_a)} @ {tuple(shape_b)}"
        batch.append(max(a, b))
    return 2 * M * K * N * math.prod(batch_a)
