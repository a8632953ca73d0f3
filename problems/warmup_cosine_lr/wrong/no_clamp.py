# fails: The rate ends at min_lr at total_steps and stays there
# says: Past total_steps the rate must stay at min_lr
import math


def warmup_cosine_lr(step, base_lr, min_lr, warmup_steps, total_steps):
    if step < warmup_steps:
        return base_lr * step / warmup_steps
    progress = (step - warmup_steps) / (total_steps - warmup_steps)
    return min_lr + (base_lr - min_lr) * 0.5 * (1.0 + math.cos(math.pi * progress))
