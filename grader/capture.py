"""Capture what learner code prints, with a cap so a print flood cannot eat memory."""

from __future__ import annotations

import io
import sys

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


class Captured:
    """Context manager: stdout and stderr go to one capped buffer; stdin reads as empty."""

    def __init__(self):
        self.buffer = CappedWriter()

    def __enter__(self) -> CappedWriter:
        self._saved = sys.stdout, sys.stderr, sys.stdin
        sys.stdout = sys.stderr = self.buffer
        sys.stdin = io.StringIO("")
        return self.buffer

    def __exit__(self, *exc) -> None:
        sys.stdout, sys.stderr, sys.stdin = self._saved
