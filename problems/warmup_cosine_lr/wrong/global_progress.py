# fails: The peak is base_lr, at step warmup_steps
# says: the decay has its own clock
import math


def warmup_cosine_lr(step, base_lr, min_lr, warmup_steps, total_steps):
    if step < warmup_steps:
        return base_lr * step / warmup_steps
    if step >= total_steps:
        return float(min_lr)
    progress = step / total_steps
    return min_lr + (base_lr - min_lr) * 0.5 * (1.0 + math.cos(math.pi * progress))
