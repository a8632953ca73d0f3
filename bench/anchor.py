"""The anchor: a bare page booting the same vendored Pyodide + NumPy in a Worker, nothing else:
``loadPyodide`` without the snapshot, then ``loadPackage("numpy")`` from the wheel (which the
site itself no longer ships: the anchor puts it back beside the runtime, where the lock says)."""

from __future__ import annotations

import shutil
from pathlib import Path

HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bare Pyodide boot</title>
<link rel="icon" href="data:,"></head>
<body><p id="out">booting…</p><script src="anchor.js"></script></body></html>
"""

PAGE_JS = """window.__anchor = new Promise((resolve, reject) => {
  const w = new Worker("anchor-worker.js");
  w.onmessage = ({ data }) => {
    const page_ms = performance.now();
    document.getElementById("out").textContent = JSON.stringify(data);
    data.error ? reject(new Error(data.error)) : resolve({ ...data, page_ms });
  };
  w.postMessage({ indexURL: new URL("../pyodide/", location.href).href });
});
"""

WORKER_JS = """self.onmessage = async ({ data: { indexURL } }) => {
  try {
    const t0 = performance.now();
    importScripts(indexURL + "pyodide.js");
    const py = await loadPyodide({ indexURL });
    await py.loadPackage("numpy", { messageCallback: () => {} });
    py.runPython("import numpy");
    self.postMessage({ boot_ms: performance.now() - t0 });
  } catch (e) {
    self.postMessage({ error: String((e && e.message) || e) });
  }
};
"""

PATH = "bench/anchor.html"


def write(site: Path) -> str:
    """Write bench/anchor.html and its two scripts into the served site; returns its path."""
    from builder.runtime import wheel_path
    wheel = wheel_path("numpy")
    shutil.copy2(wheel, site / "pyodide" / wheel.name)
    d = site / "bench"
    d.mkdir(exist_ok=True)
    (d / "anchor.html").write_text(HTML, encoding="utf-8")
    (d / "anchor.js").write_text(PAGE_JS, encoding="utf-8")
    (d / "anchor-worker.js").write_text(WORKER_JS, encoding="utf-8")
    return PATH
