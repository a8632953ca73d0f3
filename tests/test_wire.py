"""grader.wire: the only format that crosses between the checker and the learner's
interpreter. Plain data round-trips exactly; anything else is refused or made Opaque; and
decoding bytes the learner side wrote never raises anything but WireError."""

from __future__ import annotations

import numpy as np
import pytest

from grader import wire


PLAIN = [None, True, False, 0, -7, 2**63 - 1, -(2**63), 2**200, 1.5, float("inf"), "dé", [], (), [1, (2.0, None)],
         {"op": "call", "args": [np.arange(6.0).reshape(2, 3)]}, np.float32(1.25), np.int64(-3), np.bool_(True),
         np.zeros((0, 3)), np.arange(4, dtype=np.uint8), np.ones((2, 1, 2), dtype=np.float16), np.array(3.0)]


@pytest.mark.parametrize("value", PLAIN, ids=lambda v: type(v).__name__)
def test_plain_data_round_trips_exactly(value):
    back = wire.decode(wire.encode(value))
    assert type(back) is type(value)
    if isinstance(value, np.ndarray):
        assert back.dtype == value.dtype and back.shape == value.shape and np.array_equal(back, value)
        assert back.flags.writeable and back.base is None or back.base is not None  # a copy the checker owns
    elif isinstance(value, (dict, list, tuple)):
        assert repr(back) == repr(value)
    else:
        assert back == value


def test_big_endian_and_strided_arrays_arrive_native_and_contiguous():
    a = np.arange(12.0).reshape(3, 4).T.astype(">f8")
    back = wire.decode(wire.encode(a))
    assert back.dtype == np.dtype("<f8") and np.array_equal(back, a) and back.flags.c_contiguous


class Sneaky(float):
    pass


@pytest.mark.parametrize("value, description", [
    ((x for x in []), "a generator"),
    (Sneaky(1.0), "a Sneaky"),
    (np.zeros(2).view(np.recarray), "a recarray of dtype float64 and shape (2,)"),
    (np.array([1 + 2j]), "an ndarray of dtype complex128 and shape (1,)"),
    (np.array([object()]), "an ndarray of dtype object and shape (1,)"),
    ({1: 2}, "a dict with keys that are not strings"),
])
def test_what_is_not_plain_data_is_refused_or_opaque(value, description):
    with pytest.raises(wire.WireError):
        wire.encode(value)
    assert wire.decode(wire.encode(value, lenient=True)) == wire.Opaque(description)


def test_nesting_is_capped():
    x = ()
    for _ in range(100):
        x = (x,)
    assert wire.decode(wire.encode(x, lenient=True)) is not None
    with pytest.raises(wire.WireError):
        wire.decode(b"t\x01\x00\x00\x00" * 100 + b"N")


@pytest.mark.parametrize("data", [b"", b"Z", b"i\x00", b"s\xff\xff\xff\x7fabc", b"a\x03\x00\x00\x00<f8\x01" + b"\xff" * 8,
                                  b"a\x03\x00\x00\x00|O8\x00", b"l\xff\xff\xff\xff", b"NN", b"I\x03\x00\x00\x001e9",
                                  b"a\x03\x00\x00\x00<f8\x02" + (2**40).to_bytes(8, "little") * 2])
def test_malformed_bytes_raise_wire_error_only(data):
    with pytest.raises(wire.WireError):
        wire.decode(data)


def test_random_bytes_never_raise_anything_else():
    g = np.random.default_rng(0)
    seeds = [wire.encode(v) for v in PLAIN]
    for i in range(3000):
        base = bytearray(seeds[i % len(seeds)])
        for _ in range(int(g.integers(1, 4))):
            if base:
                base[int(g.integers(0, len(base)))] = int(g.integers(0, 256))
        try:
            wire.decode(bytes(base))
        except wire.WireError:
            pass
