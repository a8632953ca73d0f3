"""How the checker reaches the learner's interpreter: ``exchange(request, timeout) -> reply``.

A channel carries ``wire`` bytes and nothing else. Two implementations exist: the CPython
child process (``grader.cpython.ChildLearner``) and the browser's SharedArrayBuffer, whose
JavaScript half lives in the checker worker and is wrapped here as ``FunctionChannel``.
"""

from __future__ import annotations


class LearnerTimeout(BaseException):
    """The learner's interpreter did not answer before the run's time limit.
    A BaseException, so that a test's own ``except Exception`` cannot swallow it."""


class LearnerCrashed(BaseException):
    """The learner's interpreter died (os._exit, a fatal stack overflow, out of memory), or
    broke the protocol; nothing more can be asked of it."""

    def __init__(self, message: str = ""):
        super().__init__(message)
        self.message = message


class FunctionChannel:
    """A channel made of two host functions (the browser checker worker provides them):
    ``send(request, timeout_ms)`` answers "reply", "timeout", "crashed" or "garbage", and
    ``take()`` returns the reply's bytes (bytes, or a JS Uint8Array with ``to_bytes()``)."""

    def __init__(self, send, take):
        self._send, self._take = send, take

    def exchange(self, request: bytes, timeout: float) -> bytes:
        status = str(self._send(request, max(0.0, timeout) * 1000))
        if status == "timeout":
            raise LearnerTimeout()
        if status == "crashed":
            raise LearnerCrashed()
        if status != "reply":
            raise LearnerCrashed("sent a malformed reply")
        data = self._take()
        return data if isinstance(data, bytes) else data.to_bytes()
