"""mlkata's speed benchmark: ``python -m bench [--quick] [--out bench/results]``.

Prints figures next to their targets and writes latest.json / latest.md; never asserts.
"""
