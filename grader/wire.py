"""The wire format both interpreters speak: plain data only, as bytes.

What crosses the boundary between the checker and the learner's interpreter is built from
None, bools, ints, floats, strings, lists, tuples, dicts with string keys, NumPy arrays of
real numbers or bools (dtype + shape + raw bytes) and NumPy scalars of those dtypes.
Nothing else can be encoded: no pickles, no objects with methods. A value the sender cannot
send as plain data travels as ``Opaque(description)``, so the checker can say what it was.

``decode`` is strict, because the checker decodes bytes the learner's side wrote: any
malformed input raises ``WireError`` (never anything else), sizes are checked against the
bytes actually present, and nesting and item counts are capped.
"""

from __future__ import annotations

import struct

import numpy as np

MAX_DEPTH = 32
MAX_ITEMS = 1_000_000
MAX_INT_DIGITS = 4300  # Python's own default cap for int <-> str
# Real numbers and bools, little-endian (the only byte order a browser or x86/ARM has).
DTYPES = frozenset(["|b1", "|i1", "<i2", "<i4", "<i8", "|u1", "<u2", "<u4", "<u8", "<f2", "<f4", "<f8"])

_U32 = struct.Struct("<I")
_I64 = struct.Struct("<q")
_F64 = struct.Struct("<d")


class WireError(ValueError):
    """Bytes that are not a valid encoding, or a value that cannot be encoded."""


class Opaque:
    """Stands for a value that was not plain data; ``description`` says what it was
    (e.g. "a generator"). It is text from the other side: show it, never act on it."""

    __slots__ = ("description",)

    def __init__(self, description: str):
        self.description = str(description)[:200]

    def __repr__(self) -> str:
        return f"Opaque({self.description!r})"

    def __eq__(self, other) -> bool:
        return type(other) is Opaque and other.description == self.description

    __hash__ = None


def describe(value) -> str:
    """A short phrase for a value's kind: "a list", "an ndarray of dtype object and shape (2,)"."""
    if value is None:
        return "None"
    if type(value) is Opaque:
        return value.description
    name = type(value).__name__
    article = "an" if name[0].lower() in "aeiou" or name == "ndarray" else "a"
    if isinstance(value, np.ndarray):
        return f"{article} {name} of dtype {value.dtype} and shape {value.shape}"
    return f"{article} {name}"


# --- encoding ------------------------------------------------------------------------------

def encode(value, *, lenient: bool = False) -> bytes:
    """``value`` as bytes. With ``lenient``, anything that is not plain data becomes an
    ``Opaque`` describing it (the learner's side uses this for return values); otherwise
    it raises ``WireError``."""
    out = bytearray()
    _encode(value, out, lenient, 0)
    return bytes(out)


def _str(s: str, out: bytearray) -> None:
    b = s.encode("utf-8", "surrogatepass")
    out += _U32.pack(len(b))
    out += b


def _encode(v, out: bytearray, lenient: bool, depth: int) -> None:
    t = type(v)
    if depth >= MAX_DEPTH:  # the Opaque itself then sits at the deepest level decode accepts
        return _refuse(Opaque("a value nested too deeply"), out, lenient)
    if v is None:
        out += b"N"
    elif t is bool:
        out += b"T" if v else b"F"
    elif t is int:
        if -(1 << 63) <= v < (1 << 63):
            out += b"i" + _I64.pack(v)
        else:
            digits = str(v) if v.bit_length() < 14000 else None
            if digits is None or len(digits) > MAX_INT_DIGITS + 1:
                return _refuse(Opaque("an int too large to send"), out, lenient)
            out += b"I"
            _str(digits, out)
    elif t is float:
        out += b"f" + _F64.pack(v)
    elif t is str:
        out += b"s"
        _str(v, out)
    elif t is list or t is tuple:
        out += b"l" if t is list else b"t"
        out += _U32.pack(len(v))
        for item in v:
            _encode(item, out, lenient, depth + 1)
    elif t is dict:
        if not all(type(k) is str for k in v):
            return _refuse(Opaque("a dict with keys that are not strings"), out, lenient)
        out += b"d" + _U32.pack(len(v))
        for k, item in v.items():
            _str(k, out)
            _encode(item, out, lenient, depth + 1)
    elif t is np.ndarray:
        dtype = v.dtype.newbyteorder("<") if v.dtype.byteorder == ">" else v.dtype
        if dtype.str not in DTYPES or v.dtype.fields is not None:
            return _refuse(Opaque(describe(v)), out, lenient)
        data = v.astype(dtype, order="C", copy=False)  # (ascontiguousarray would make 0-d 1-d)
        out += b"a"
        _str(dtype.str, out)
        out += bytes([data.ndim])
        for n in data.shape:
            out += _I64.pack(n)
        out += data.tobytes()
    elif isinstance(v, np.generic) and t.__module__ == "numpy" and np.dtype(t).str in DTYPES:
        out += b"g"
        _str(np.dtype(t).str, out)
        out += np.array(v, dtype=np.dtype(t)).tobytes()
    elif t is Opaque:
        out += b"o"
        _str(v.description, out)
    else:
        _refuse(Opaque(describe(v) if t.__name__ != "generator" else "a generator"), out, lenient)


def _refuse(opaque: Opaque, out: bytearray, lenient: bool) -> None:
    if not lenient:
        raise WireError(f"cannot send {opaque.description} as plain data")
    out += b"o"
    _str(opaque.description, out)


# --- decoding ------------------------------------------------------------------------------

class _Reader:
    __slots__ = ("buf", "pos", "items")

    def __init__(self, buf: bytes):
        self.buf, self.pos, self.items = buf, 0, 0

    def take(self, n: int) -> bytes:
        if n < 0 or self.pos + n > len(self.buf):
            raise WireError("truncated data")
        b = self.buf[self.pos:self.pos + n]
        self.pos += n
        return b

    def u32(self) -> int:
        return _U32.unpack(self.take(4))[0]

    def text(self) -> str:
        return self.take(self.u32()).decode("utf-8", "surrogatepass")

    def count(self) -> int:
        n = self.u32()
        self.items += n
        if self.items > MAX_ITEMS:
            raise WireError("too many items")
        return n


def decode(data: bytes):
    """The value encoded in ``data``; ``WireError`` for anything malformed."""
    r = _Reader(bytes(data))
    try:
        value = _decode(r, 0)
    except WireError:
        raise
    except (ValueError, TypeError, OverflowError, MemoryError, struct.error, UnicodeError) as e:
        raise WireError(f"malformed data: {type(e).__name__}") from None
    if r.pos != len(r.buf):
        raise WireError("trailing bytes after the value")
    return value


def _decode(r: _Reader, depth: int):
    if depth > MAX_DEPTH:
        raise WireError("nested too deeply")
    tag = r.take(1)
    if tag == b"N":
        return None
    if tag == b"T":
        return True
    if tag == b"F":
        return False
    if tag == b"i":
        return _I64.unpack(r.take(8))[0]
    if tag == b"I":
        digits = r.text()
        if len(digits) > MAX_INT_DIGITS + 1 or not digits.lstrip("-").isdigit():
            raise WireError("bad integer")
        return int(digits)
    if tag == b"f":
        return _F64.unpack(r.take(8))[0]
    if tag == b"s":
        return r.text()
    if tag in (b"l", b"t"):
        items = [_decode(r, depth + 1) for _ in range(r.count())]
        return items if tag == b"l" else tuple(items)
    if tag == b"d":
        n = r.count()
        out = {}
        for _ in range(n):
            k = r.text()
            out[k] = _decode(r, depth + 1)
        return out
    if tag == b"a":
        dtype = _dtype(r.text())
        ndim = r.take(1)[0]
        shape = tuple(_I64.unpack(r.take(8))[0] for _ in range(ndim))
        if any(n < 0 for n in shape):
            raise WireError("negative dimension")
        size = 1
        for n in shape:
            size *= n
        raw = r.take(size * dtype.itemsize)
        return np.frombuffer(raw, dtype=dtype).reshape(shape).copy()
    if tag == b"g":
        dtype = _dtype(r.text())
        return np.frombuffer(r.take(dtype.itemsize), dtype=dtype)[0]  # a scalar: immutable, owns its value
    if tag == b"o":
        return Opaque(r.text())
    raise WireError(f"unknown tag {tag!r}")


def _dtype(text: str) -> np.dtype:
    if text not in DTYPES:
        raise WireError(f"dtype {text[:20]!r} is not allowed")
    return np.dtype(text)


# --- framing (CPython pipes) ---------------------------------------------------------------

MAX_FRAME = 32 * 1024 * 1024  # = CAPACITY in site/js/channel.js (the browser channel)


def frame(payload: bytes) -> bytes:
    """``payload`` with its length in front, for a byte stream."""
    if len(payload) > MAX_FRAME:
        raise WireError(f"message of {len(payload)} bytes is over the {MAX_FRAME}-byte limit")
    return _U32.pack(len(payload)) + payload
