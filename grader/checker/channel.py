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


class NeedAnswer(BaseException):
    """Raised by ``ReplayChannel`` for a request it has no answer to yet: the host asks the
    learner, then runs the checker again from the start with one more answer."""

    def __init__(self, request: bytes):
        super().__init__("needs an answer")
        self.request = request


class ReplayChannel:
    """For a page that is not cross-origin isolated (no SharedArrayBuffer, so no synchronous
    call into the learner worker): the checker runs from the start each time, replaying the
    answers it already has, until a request has none (``NeedAnswer``). The host answers it
    asynchronously and runs again. Tests are deterministic (``grader check`` proves it), so
    each replay asks the same questions in the same order; if not, the run says so. The
    checker still never shares an interpreter with learner code: only answers are replayed.

    ``answers`` are (request, status, reply) triples, status as in ``FunctionChannel``."""

    def __init__(self, answers: list):
        self.answers, self.i = answers, 0

    def exchange(self, request: bytes, timeout: float) -> bytes:
        if self.i == len(self.answers):
            raise NeedAnswer(request)
        asked, status, reply = self.answers[self.i]
        self.i += 1
        if bytes(asked) != request:
            raise LearnerCrashed("was asked different questions on a replay: the tests are not deterministic")
        if status == "timeout":
            raise LearnerTimeout()
        if status != "reply":
            raise LearnerCrashed() if status == "crashed" else LearnerCrashed("sent a malformed reply")
        return bytes(reply)
