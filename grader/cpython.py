"""CPython host of the two interpreters: this process is the checker, a child process runs
the learner's code (``python -m grader.learner``), one child per run.

The child gets two pipes: requests in, replies out, as length-prefixed ``wire`` frames. The
parent reads nothing from it but the reply to the request it just made, with a deadline;
at the time limit, or on anything malformed, it kills the child. This process makes itself
non-dumpable first, so that a child (same user) cannot read or write its memory through
ptrace or /proc.
"""

from __future__ import annotations

import math
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

from . import wire
from .checker.channel import LearnerCrashed, LearnerTimeout
from .checker.run import run
from .report import Report

STARTUP_LIMIT = 60  # seconds for the child to import NumPy; not part of the time limit
ROOT = Path(__file__).resolve().parent.parent


def make_undumpable() -> None:
    """PR_SET_DUMPABLE 0: no ptrace and no /proc/<pid>/mem for processes without
    CAP_SYS_PTRACE (the learner child drops it). Linux only; elsewhere a no-op."""
    if sys.platform != "linux":
        return
    import ctypes
    ctypes.CDLL(None).prctl(4, 0, 0, 0, 0)


class ChildLearner:
    """One learner interpreter in a child process; a context manager that kills it on exit."""

    def __init__(self, time_limit: float):
        make_undumpable()
        req_r, self._req = os.pipe()
        self._rep, rep_w = os.pipe()
        env = {k: v for k, v in os.environ.items() if not k.startswith("MLKATA")}
        env.update({"OPENBLAS_NUM_THREADS": "1", "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "0",
                    "PYTHONDONTWRITEBYTECODE": "1"})
        cpu = int(math.ceil(time_limit)) + 5  # a backstop: the deadline below comes first
        self.proc = subprocess.Popen([sys.executable, "-m", "grader.learner", str(req_r), str(rep_w), str(cpu)],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, env=env, pass_fds=(req_r, rep_w), cwd="/",
                                     start_new_session=True)  # its own process group: see close()
        os.close(req_r)
        os.close(rep_w)
        os.set_blocking(self._req, False)
        try:
            ready = wire.decode(self._read_frame(time.monotonic() + STARTUP_LIMIT))
        except (LearnerTimeout, LearnerCrashed, wire.WireError) as e:
            self.close()
            raise RuntimeError(f"the learner process failed to start: {e!r}") from None
        if ready != {"ready": True}:
            self.close()
            raise RuntimeError("the learner process failed to start")

    def __enter__(self) -> "ChildLearner":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Kill the child and everything it started (a forked grandchild must not outlive
        the run either)."""
        if self.proc.returncode is None:  # once, before the child is reaped: after that its
            try:                          # pid (and so its group id) may belong to another process
                os.killpg(self.proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            self.proc.wait()
        for fd in (self._req, self._rep):
            try:
                os.close(fd)
            except OSError:
                pass

    def exchange(self, request: bytes, timeout: float) -> bytes:
        deadline = time.monotonic() + max(0.0, timeout)
        self._write(wire.frame(request), deadline)
        return self._read_frame(deadline)

    def _write(self, data: bytes, deadline: float) -> None:
        view = memoryview(data)
        while view:
            left = deadline - time.monotonic()
            if left <= 0:
                self.close()
                raise LearnerTimeout()
            _, ready, _ = select.select([], [self._req], [], left)
            if ready:
                try:
                    view = view[os.write(self._req, view):]
                except BrokenPipeError:
                    raise LearnerCrashed() from None

    def _read_exact(self, n: int, deadline: float) -> bytes:
        chunks, left = [], n
        while left:
            wait = deadline - time.monotonic()
            if wait <= 0:
                self.close()
                raise LearnerTimeout()
            ready, _, _ = select.select([self._rep], [], [], wait)
            if not ready:
                continue
            b = os.read(self._rep, min(left, 1 << 20))
            if not b:
                raise LearnerCrashed()
            chunks.append(b)
            left -= len(b)
        return b"".join(chunks)

    def _read_frame(self, deadline: float) -> bytes:
        n = int.from_bytes(self._read_exact(4, deadline), "little")
        if n > wire.MAX_FRAME:
            self.close()
            raise LearnerCrashed("sent a reply larger than the protocol allows")
        return self._read_exact(n, deadline)


def run_isolated(bundle: dict, source: str, mode: str = "tests", time_limit: float | None = None,
                 on_event=None) -> Report:
    """Judge ``source`` with a fresh learner child process; the report ``checker.run`` makes."""
    limit = bundle.get("time_limit", 5.0) if time_limit is None else time_limit
    with ChildLearner(limit) as child:
        return run(bundle, source, mode, child, on_event=on_event, time_limit=limit)
