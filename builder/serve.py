"""``build.py serve``: build, serve on localhost with the headers a real host would send
(COOP/COEP so the runner can interrupt runaway code, CSP), rebuild when problems/, site/
or grader/ change, and reload open pages. Stdlib HTTP server + watchfiles, as MkDocs does."""

from __future__ import annotations

import functools
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RELOAD_JS = b"""(() => { let v = null; const poll = async () => {
  try { const r = await fetch("/__build_id", {cache: "no-store"}); const t = await r.text();
        if (v !== null && t !== v) location.reload(); v = t; } catch {}
  setTimeout(poll, 700); }; poll(); })();"""


class Handler(SimpleHTTPRequestHandler):
    state = {"build_id": "0"}
    csp = ""
    isolate = True

    def end_headers(self):
        if self.isolate:
            self.send_header("Cross-Origin-Opener-Policy", "same-origin")
            self.send_header("Cross-Origin-Embedder-Policy", "require-corp")
        if self.csp:
            self.send_header("Content-Security-Policy", self.csp)
        self.send_header("X-Content-Type-Options", "nosniff")
        path = self.path.split("?")[0]
        if path.startswith("/assets/"):
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
        else:
            self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def do_GET(self):
        if self.path == "/__build_id":
            return self._send(self.state["build_id"].encode(), "text/plain")
        if self.path == "/__livereload.js":
            return self._send(RELOAD_JS, "text/javascript")
        path = self.path.split("?")[0]
        if self.state.get("live") and (path.endswith("/") or path.endswith(".html")):
            f = Path(self.translate_path(path))
            f = f / "index.html" if f.is_dir() else f
            if f.is_file():
                html = f.read_bytes().replace(b"</body>", b'<script src="/__livereload.js"></script></body>')
                return self._send(html, "text/html; charset=utf-8")
        return super().do_GET()

    def _send(self, body: bytes, ctype: str):
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A browser that closes a connection mid-download (a terminated worker) is normal.
        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)


def make_server(directory: Path, host: str = "127.0.0.1", port: int = 8000, *, isolate: bool = True,
                csp: str = "", live: bool = False) -> ThreadingHTTPServer:
    """A server for ``directory`` (also used by the tests and the benchmark)."""
    handler = type("SiteHandler", (Handler,), {"state": {"build_id": "0", "live": live},
                                               "csp": csp, "isolate": isolate})
    server = Server((host, port), functools.partial(handler, directory=str(directory)))
    server.handler = handler
    return server


def serve(args, build) -> int:
    from watchfiles import watch

    from . import pages

    def rebuild() -> bool:
        t0 = time.perf_counter()
        try:
            build(args.problems, args.out, args.pyodide, not args.no_check)
        except Exception as e:  # author errors (file:line) or a tool failing: show, keep serving
            print("\n".join(getattr(e, "errors", None) or [str(e)]), file=sys.stderr)
            print("build failed; still serving the last good site", file=sys.stderr, flush=True)
            return False
        print(f"built in {time.perf_counter() - t0:.2f} s", flush=True)
        return True

    if not rebuild() and not args.out.exists():
        return 1
    server = make_server(args.out, args.host, args.port, csp=pages.csp(None) if args.pyodide == "local" else "",
                         live=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"serving http://{args.host}:{args.port}/  (Ctrl+C to stop)", flush=True)
    try:
        for _ in watch(args.problems, ROOT / "site", ROOT / "grader"):
            if rebuild():
                server.handler.state["build_id"] = str(time.time())
    except KeyboardInterrupt:
        pass
    server.shutdown()
    return 0
