"""The file pack NumPy ships in (builder/filepack.py; read by writePack in boot-python.js)."""

import gzip
import struct

import pytest

from builder import filepack, runtime


def test_pack_round_trip_keeps_every_file_in_order():
    files = [("numpy/__init__.py", b"x = 1\n"), ("numpy/_core/empty.py", b""), ("a/b/c.so", bytes(range(256)) * 3)]
    blob = filepack.pack(files)
    assert filepack.unpack(blob) == dict(files)
    assert list(filepack.unpack(blob)) == [p for p, _ in files]
    assert filepack.pack(files) == blob  # deterministic: the site's hash does not change by itself


def test_unpack_refuses_trailing_bytes():
    raw = gzip.decompress(filepack.pack([("a", b"1")])) + b"junk"
    with pytest.raises(ValueError, match="4 bytes after the last file"):
        filepack.unpack(gzip.compress(raw))


def test_numpy_pack_is_byte_compiled_for_the_browsers_python_without_build_files():
    files = filepack.unpack(runtime.numpy_pack_path().read_bytes())
    pyc = [p for p in files if p.endswith(".pyc")]
    assert "numpy/__pycache__/__init__.cpython-312.pyc" in files, sorted(files)[:5]
    assert len(pyc) > 150
    # Unchecked-hash pycs (PEP 552 flags = 0b01): used whatever the sources' mtimes in a worker.
    flags = {struct.unpack_from("<I", files[p], 4)[0] for p in pyc}
    assert flags == {1}, flags
    assert any(p.endswith("_multiarray_umath.cpython-312-wasm32-emscripten.so") for p in files)
    assert not [p for p in files if p.endswith(runtime.NOT_RUNTIME)]
