"""The learner's entry function as tests see it: ``f(*args)`` crosses to the learner's
interpreter and back, and the reply is validated before a test sees it.

Each call sends the arguments as plain data, so the learner works on its own copies. The
reply is bytes from an interpreter the learner controls: it is decoded strictly
(``wire.decode``), checked field by field, and the returned value is checked against the
problem's declared ``returns`` (one table below, one entry per kind). A reply that is not
plain data fails the test with a message; it never breaks the checker.
"""

from __future__ import annotations

import time

import numpy as np

from .. import wire
from ..testing import Failure, LearnerRaised, as_array, describe_type
from .channel import LearnerCrashed, LearnerTimeout

OUTPUT_CAP = 64 * 1024


def _number(value, name):
    if type(value) is np.ndarray and value.shape == () and value.dtype.kind in "iuf":
        value = value[()]
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise Failure(f"{name} is {describe_type(value)}; expected a single number "
                      "(a Python float or a 0-d array): reduce it to one number.")
    return float(value)


def _integer(value, name):
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        hint = (" (np.prod and friends return floats: wrap the result in int(...))"
                if isinstance(value, (float, np.floating)) else "")
        raise Failure(f"{name} is {describe_type(value)}; expected a Python int{hint}.")
    return int(value)


def _int_array(value, name):
    if type(value) is not np.ndarray or value.dtype.kind not in "iu":
        raise Failure(f"{name} is {describe_type(value)}; expected a NumPy array of integers.")
    return value


def _array(value, name):
    if type(value) is wire.Opaque and value.description == "a generator":
        raise Failure(f"{name} is a generator; return a NumPy array (a generator expression "
                      "needs np.array([...]) around a list instead).")
    return as_array(value, name)


# What each declared return kind accepts, and the message when it does not.
RETURN_KINDS = {"array": _array, "int_array": _int_array, "float": _number, "int": _integer,
                "literal": lambda value, name: value}


class LearnerFunction:
    """Callable stand-in for the learner's entry function."""

    def __init__(self, channel, entry: str, arg_names: list[str], returns: list[dict], deadline: float,
                 inputs_may_change: bool = False):
        self.channel, self.entry, self.arg_names, self.returns = channel, entry, arg_names, returns
        self.deadline, self.inputs_may_change = deadline, inputs_may_change
        self.calls = 0
        self.gone: str | None = None  # "timeout" or "crash" once the learner's interpreter is gone
        self._output: list[str] = []

    def take_output(self) -> str:
        """What the learner printed since the last call to this, capped."""
        text, self._output = "".join(self._output), []
        return text if len(text) <= OUTPUT_CAP else text[:OUTPUT_CAP] + "\n… output truncated (more than 64 KB)"

    def request(self, message: dict) -> dict:
        """Send one request; the reply as a dict (anything else is the learner breaking the
        protocol, and ends the run as a crash would)."""
        try:
            data = self.channel.exchange(wire.encode(message), self.deadline - time.monotonic())
            try:
                reply = wire.decode(data)
            except wire.WireError as e:
                raise LearnerCrashed(f"sent a reply that is not plain data ({e})") from None
            if type(reply) is not dict:
                raise LearnerCrashed("sent a reply that is not a dict")
        except (LearnerTimeout, LearnerCrashed) as e:
            # Remembered here, not read back from a test's message: a test may catch anything.
            self.gone = "timeout" if isinstance(e, LearnerTimeout) else "crash"
            raise
        output = reply.get("output")
        if type(output) is str and sum(map(len, self._output)) < OUTPUT_CAP:
            self._output.append(output[:OUTPUT_CAP])
        return reply

    def __call__(self, *args, **kwargs):
        self.calls += 1
        self._args = args
        reply = self.request({"op": "call", "args": list(args), "kwargs": kwargs})
        if "raised" in reply:
            raise LearnerRaised.from_reply(reply["raised"])
        if "value" not in reply:
            error = reply.get("error")
            message = error.get("message") if type(error) is dict else None
            raise Failure(str(message) if type(message) is str else "Your code sent back no result.")
        if not self.inputs_may_change:
            self._refuse_mutation(reply.get("mutated"), args)
        return self._checked(reply["value"])

    def _refuse_mutation(self, mutated, args) -> None:
        if type(mutated) is not list or not mutated:
            return
        for item in mutated:
            if type(item) is list and len(item) == 3 and all(type(v) is int for v in item) \
                    and 0 <= item[0] < len(args) and item[1] > 0:
                i, changed, size = item
                name = self.arg_names[i] if i < len(self.arg_names) else f"argument {i + 1}"
                raise Failure(
                    f"{self.entry} changed its argument `{name}` in place ({changed} of {size} "
                    f"entries differ from what the test passed). Do not modify the inputs: the caller "
                    f"still needs them. Work on a new array (`{name} = {name} - …`, not `{name} -= …`, "
                    f"or `{name}.copy()` first).")

    def _checked(self, value):
        names = [r["name"] for r in self.returns]
        if len(self.returns) == 1:
            return RETURN_KINDS[self.returns[0]["type"]](value, names[0])
        want = "(" + ", ".join(names) + ")"
        if type(value) is not tuple and type(value) is not list:
            raise Failure(f"{self.entry} should return a tuple {want}; got {describe_type(value)}.")
        if len(value) != len(self.returns):
            raise Failure(f"{self.entry} should return {len(self.returns)} values {want}; got {len(value)}.")
        checked = tuple(RETURN_KINDS[r["type"]](v, r["name"]) for v, r in zip(value, self.returns))
        self._refuse_swapped(checked)
        return checked

    def _refuse_swapped(self, values) -> None:
        """Gradients named d<arg> have their argument's shape. When two of them come back
        each with the other's shape, say the outputs are in the wrong order (not "transposed")."""
        shapes = {a: getattr(v, "shape", None) for a, v in zip(self.arg_names, getattr(self, "_args", ()))}
        own = [shapes.get(r["name"][1:]) if r["name"].startswith("d") else None for r in self.returns]
        got = [getattr(v, "shape", None) for v in values]
        for i, j in ((i, j) for i in range(len(values)) for j in range(len(values)) if i < j):
            if own[i] and own[j] and own[i] != own[j] and got[i] == own[j] and got[j] == own[i]:
                a, b = self.returns[i]["name"], self.returns[j]["name"]
                raise Failure(f"{a} has shape {got[i]}, which is {b[1:]}'s shape, and {b} has {a[1:]}'s shape "
                              f"{got[j]}: the outputs look swapped. Return them in the order "
                              f"({', '.join(r['name'] for r in self.returns)}).")
