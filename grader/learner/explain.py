"""Load learner source as a module, and explain what goes wrong in it.

Errors are turned into messages for a learner, with the line in *their* file; frames of
the learner runtime are trimmed. (A fresh interpreter per run is what keeps one run from
seeing another; this module only loads.)
"""

from __future__ import annotations

import linecache
import sys
import traceback
import types

FILENAME = "main.py"  # what the learner's code is called in messages and tracebacks
MODULE = "main"


class LoadError(Exception):
    """The learner code did not load; ``line``/``column`` point into it when known."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


_HINTS = {
    EOFError: "input() has nothing to read here: the tests pass data as function arguments.",
    RecursionError: "Recursion went too deep: look for a function that calls itself without end.",
    MemoryError: "Ran out of memory: an array far larger than the inputs was requested.",
    SystemExit: "sys.exit() ends a script, but here your function must return its result.",
    KeyboardInterrupt: "Your code raised KeyboardInterrupt itself.",
}


def learner_frames(tb: types.TracebackType | None) -> list[traceback.FrameSummary]:
    return [f for f in traceback.extract_tb(tb) if f.filename == FILENAME]


def describe(exc: BaseException, when: str, batched: bool = False) -> tuple[str, int | None, str]:
    """(message, learner line, trimmed traceback) for an exception raised by learner code.
    ``batched``: an argument has more than two axes, so advice about ``.T`` applies."""
    frames = learner_frames(exc.__traceback__)
    line = frames[-1].lineno if frames else None
    kind = type(exc).__name__
    text = str(exc)
    where = f" (line {line})" if line else ""
    message = f"{kind}{where} {when}" + (f": {text.rstrip('. ')}" if text else "")
    for base, hint in _HINTS.items():
        if isinstance(exc, base):
            message += f". {hint}"
            break
    else:
        if isinstance(exc, ValueError) and "matmul" in text:
            message += (". The inner dimensions of a matrix product must match, (M, K) @ (K, N): "
                        "print the shapes of both operands.")
            if batched:
                message += (" On arrays with more than two axes, .T reverses all of them: swap "
                            "the last two with swapaxes(-1, -2).")
        elif isinstance(exc, ValueError) and "broadcast" in text:
            message += ". Two arrays' shapes do not line up for an elementwise operation: print both shapes."
    tb_text = "Traceback (most recent call last):\n" + "".join(traceback.format_list(frames)) \
        + "".join(traceback.format_exception_only(type(exc), exc))
    return message, line, tb_text


def load(source: str, entry: str) -> tuple[types.ModuleType, types.FunctionType]:
    """Compile and execute ``source`` as the module ``main``; return it and its ``entry``
    function, or raise ``LoadError`` with the learner's line."""
    try:
        code = compile(source, FILENAME, "exec", dont_inherit=True)
    except SyntaxError as e:  # includes IndentationError, TabError
        line, col = e.lineno, e.offset
        raise LoadError(f"{type(e).__name__} on line {line}, column {col}: {e.msg}",
                        line, col) from None
    except ValueError as e:  # e.g. source with NUL bytes
        raise LoadError(f"Your code could not be read: {e}") from None
    linecache.cache[FILENAME] = (len(source), None, source.splitlines(True), FILENAME)
    module = types.ModuleType(MODULE)
    module.__file__ = FILENAME
    sys.modules[MODULE] = module
    try:
        exec(code, module.__dict__)
    except BaseException as e:
        message, line, _ = describe(e, "while loading your code")
        raise LoadError(message, line) from None
    fn = module.__dict__.get(entry)
    if fn is None:
        raise LoadError(f"Your code does not define `{entry}`. Keep the function name from the "
                        "starter: the tests call it by that name.")
    if not callable(fn):
        raise LoadError(f"`{entry}` is a {type(fn).__name__}, not a function.")
    return module, fn
