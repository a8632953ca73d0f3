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
    with pytest.raises(ValueError, match="no MLKP magic"):
        filepack.unpack(gzip.compress(raw[4:]))
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


@pytest.mark.browser
def test_a_host_that_unpacks_the_gz_files_itself_still_boots_from_them(browser, site):
    """A host sending numpy.pack.gz and snapshot.bin.gz with Content-Encoding: gzip has the
    browser hand the page their unpacked bytes: the page must use those, not fail or fall
    back (Playwright gives the workers the unpacked bytes, as such a browser would)."""
    from browser import Page, serving
    from conftest import ROOT
    unpacked = []

    def as_decoded(route):
        response = route.fetch()
        unpacked.append(route.request.url.rsplit("/", 1)[1])
        route.fulfill(response=response, body=gzip.decompress(response.body()))

    with serving(site, isolate=True) as url:
        ctx = browser.new_context(service_workers="block")
        ctx.route("**/*.gz", as_decoded)
        try:
            p = Page(ctx.new_page(), url + "p/matmul_backward/index.html")
            info = p.page.evaluate("window.mlkata.runtime()")
            assert info["snapshot"] is True and info["numpy"] == "pack", info
            assert p.run((ROOT / "problems" / "matmul_backward" / "solution.py").read_text())["status"] == "pass"
            p.page.evaluate("window.mlkata.idle()")  # the spares have fetched theirs too
        finally:
            # A route still in flight when the context closes would raise in the next test's call.
            ctx.unroute_all(behavior="ignoreErrors")
            ctx.close()
    assert {"numpy.pack.gz", "snapshot.bin.gz"} <= set(unpacked), unpacked
