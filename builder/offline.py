"""The service worker that makes the site work offline after one visit: ``dist/sw.js``,
listing every file to precache, versioned by a hash of their contents."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP = {"_headers", "sw.js"}


def write_service_worker(out: Path, mode: str = "local") -> None:
    """``mode`` "cdn" needs COEP credentialless: the runtime then comes from another origin."""
    files = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file() and p.name not in SKIP)
    h = hashlib.sha256()
    for f in files:
        h.update(f.encode())
        h.update(hashlib.sha256((out / f).read_bytes()).digest())
    # The scope root itself, so the catalogue opens offline from "/" as well as "/index.html".
    text = (ROOT / "site" / "sw.js").read_text()
    text = text.replace("__COEP__", "credentialless" if mode == "cdn" else "require-corp")
    text = text.replace("__VERSION__", h.hexdigest()[:16]).replace("__FILES__", json.dumps(["./", *files]))
    (out / "sw.js").write_text(text)
