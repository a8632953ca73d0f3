"""A file pack: many files in one gzipped blob that a worker writes into Pyodide's file
system from JavaScript (``writePack`` in site/js/boot-python.js), with no Python zipfile
in the way (unzipping NumPy in Python took 0.2–0.4 s of each worker's boot).

Layout before gzip: the magic ``MLKP``, a little-endian u32 header length, the header
(JSON: a list of ``[path, size]``), then every file's bytes in header order. (The magic
also tells an unpacked pack from a gzipped one: see ``gunzipped`` in boot-python.js.)
"""

from __future__ import annotations

import gzip
import json
import struct
import zipfile
from pathlib import Path

MAGIC = b"MLKP"


def pack(files: list[tuple[str, bytes]]) -> bytes:
    """The gzipped pack of ``files`` ([(relative path, bytes)]), deterministic."""
    header = json.dumps([[path, len(data)] for path, data in files], separators=(",", ":")).encode()
    raw = b"".join([MAGIC, struct.pack("<I", len(header)), header, *(data for _, data in files)])
    return gzip.compress(raw, compresslevel=9, mtime=0)


def unpack(blob: bytes) -> dict[str, bytes]:
    """The files in a pack (what writePack writes), for tests and checks."""
    raw = gzip.decompress(blob)
    if raw[:4] != MAGIC:
        raise ValueError("pack: not a file pack (no MLKP magic)")
    (n,) = struct.unpack_from("<I", raw, 4)
    at, out = 8 + n, {}
    for path, size in json.loads(raw[8:8 + n]):
        out[path] = raw[at:at + size]
        at += size
    if at != len(raw):
        raise ValueError(f"pack: {len(raw) - at} bytes after the last file")
    return out


def from_zip(zip_path: Path, skip: tuple[str, ...] = ()) -> bytes:
    """A pack of the files in a zip, in name order, but those whose names end in ``skip``."""
    with zipfile.ZipFile(zip_path) as z:
        names = sorted(i.filename for i in z.infolist() if not i.is_dir() and not i.filename.endswith(skip))
        return pack([(name, z.read(name)) for name in names])
