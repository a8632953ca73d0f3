"""Capture what learner code prints, with a cap so a print flood cannot eat memory."""

from __future__ import annotations

import io
import sys
import threading

OUTPUT_CAP = 64 * 1024
TRUNCATED = "\n… output truncated (more than 64 KB)"


class CappedWriter(io.TextIOBase):
    """A text stream that keeps the first ``cap`` characters and counts the rest."""

    def __init__(self, cap: int = OUTPUT_CAP):
        self._parts: list[str] = []
        self._size = 0
        self._cap = cap
        self.dropped = 0

    def writable(self) -> bool:
        return True

    def write(self, s) -> int:
        s = str(s)
        room = self._cap - self._size
        if room > 0:
            self._parts.append(s[:room])
            self._size += min(len(s), room)
        self.dropped += max(0, len(s) - max(room, 0))
        return len(s)

    def getvalue(self) -> str:
        text = "".join(self._parts)
        return text + TRUNCATED if self.dropped else text


_local = threading.local()


class _Routed(io.TextIOBase):
    """Stands in for sys.stdout / sys.stderr / sys.stdin: a thread inside ``Captured`` writes
    to its own buffer (and reads an empty stdin); every other thread uses the real stream.
    Swapping the sys streams themselves is not thread-safe: two checks running at once
    (``grader check``, the build) restored each other's buffers, and the process lost its
    output for good."""

    def __init__(self, real, reading: bool = False):
        self._real, self._reading = real, reading

    def _target(self):
        buffer = getattr(_local, "buffer", None)
        if buffer is None:
            return self._real
        return io.StringIO("") if self._reading else buffer

    def writable(self) -> bool:
        return not self._reading

    def readable(self) -> bool:
        return self._reading

    def write(self, s) -> int:
        return self._target().write(s)

    def read(self, *args):
        return self._target().read(*args)

    def readline(self, *args):
        return self._target().readline(*args)

    def flush(self) -> None:
        target = self._target()
        if hasattr(target, "flush"):
            target.flush()

    # The real stream's identity (io.TextIOBase would answer these itself, wrongly).
    def fileno(self) -> int:
        return self._real.fileno()

    def isatty(self) -> bool:
        return self._real.isatty()

    @property
    def encoding(self):
        return getattr(self._real, "encoding", "utf-8")

    @property
    def errors(self):
        return getattr(self._real, "errors", "strict")

    def __getattr__(self, name):  # buffer, reconfigure, ...: the real stream's
        return getattr(self._real, name)


def _install() -> None:
    if not isinstance(sys.stdout, _Routed):
        sys.stdout = _Routed(sys.stdout)
    if not isinstance(sys.stderr, _Routed):
        sys.stderr = _Routed(sys.stderr)
    if not isinstance(sys.stdin, _Routed):
        sys.stdin = _Routed(sys.stdin, reading=True)


class Captured:
    """Context manager: on this thread, stdout and stderr go to one capped buffer and stdin
    reads as empty. Other threads are untouched."""

    def __init__(self):
        self.buffer = CappedWriter()

    def __enter__(self) -> CappedWriter:
        _install()
        self._saved = getattr(_local, "buffer", None)
        _local.buffer = self.buffer
        return self.buffer

    def __exit__(self, *exc) -> None:
        _local.buffer = self._saved
