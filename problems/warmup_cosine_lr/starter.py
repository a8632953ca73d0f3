import math


def warmup_cosine_lr(step, base_lr, min_lr, warmup_steps, total_steps):
    """Learning rate at `step` (counting from 0): linear warm-up, cosine decay, then min_lr.

    step: int >= 0
    base_lr: float, the peak rate, reached at step == warmup_steps
    min_lr: float, the floor reached at total_steps
    warmup_steps: int >= 0; total_steps: int > warmup_steps
    returns: lr, a float
    """
    return float(base_lr)
