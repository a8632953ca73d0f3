import math


def warmup_cosine_lr(step, base_lr, min_lr, warmup_steps, total_steps):
    """Learning rate at `step`: linear warm-up from 0, then cosine decay to min_lr, then min_lr."""
    if step < warmup_steps:
        return base_lr * step / warmup_steps  # 0 at step 0, base_lr at step == warmup_steps
    if step >= total_steps:
        return float(min_lr)
    progress = (step - warmup_steps) / (total_steps - warmup_steps)  # 0 -> 1 over the decay
    return min_lr + (base_lr - min_lr) * 0.5 * (1.0 + math.cos(math.pi * progress))
