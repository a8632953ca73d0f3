"""``build.py serve``: build, serve on localhost with the headers a real host would send
(COOP/COEP so the runner can interrupt runaway code, CSP), rebuild when problems/, site/
or grader/ change, and reload open pages; a failed rebuild is shown in the open pages as an
overlay (builder/livereload.js) as well as in the terminal. /__preview/<slug> shows what
``grader preview`` prints. Stdlib HTTP server + watchfiles, as MkDocs does."""

from __future__ import annotations

import functools
import json
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RELOAD_JS = (ROOT / "builder" / "livereload.js").read_bytes()


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
        if self.path == "/__build_status":  # the live-reload script's poll: reload, or show errors
            status = {"id": self.state["build_id"], "errors": self.state.get("errors", [])}
            return self._send(json.dumps(status).encode(), "application/json")
        if self.path.startswith("/__preview") and self.state.get("problems"):
            return self._send(preview_page(self.state["problems"], self.path), "text/html; charset=utf-8")
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


def preview_page(problems: Path, url: str) -> bytes:
    """/__preview/ lists the problems; /__preview/<slug> is ``grader preview`` as a page."""
    import html
    slug = url.split("?")[0].removeprefix("/__preview").strip("/")
    if not slug:
        slugs = sorted(d.name for d in Path(problems).iterdir() if (d / "problem.yaml").is_file())
        items = "".join(f"<li><a href='/__preview/{html.escape(s)}'>{html.escape(s)}</a>" for s in slugs)
        return (f"<!doctype html><meta charset=utf-8><title>Preview</title><h1>Preview a problem</h1>"
                f"<ul>{items}</ul>").encode()
    from grader.authoring.preview import collect, render_html

    from .content import ContentError, load_content
    folder = Path(problems) / slug
    try:
        if not (folder / "problem.yaml").is_file():
            raise ContentError([f"{folder}: no such problem"])
        content = load_content(folder)
    except ContentError as e:
        return (f"<!doctype html><meta charset=utf-8><title>Preview: errors</title><h1>{html.escape(slug)}</h1>"
                f"<pre>{html.escape(chr(10).join(e.errors))}</pre>").encode()
    p = content.problems[0]
    return render_html(p, collect(p)).encode()


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A browser that closes a connection mid-download (a terminated worker) is normal.
        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)


def make_server(directory: Path, host: str = "127.0.0.1", port: int = 8000, *, isolate: bool = True,
                csp: str = "", live: bool = False) -> ThreadingHTTPServer:
    """A server for ``directory`` (also used by the tests and the benchmark)."""
    handler = type("SiteHandler", (Handler,), {"state": {"build_id": "0", "live": live, "errors": []},
                                               "csp": csp, "isolate": isolate})
    server = Server((host, port), functools.partial(handler, directory=str(directory)))
    server.handler = handler
    return server


def serve(args, build) -> int:
    from watchfiles import watch

    from . import pages

    errors: list[str] = []

    def rebuild() -> bool:
        t0 = time.perf_counter()
        try:
            build(args.problems, args.out, args.pyodide, not args.no_check)
        except Exception as e:  # author errors (file:line) or a tool failing: show, keep serving
            errors[:] = getattr(e, "errors", None) or [str(e)]
            print("\n".join(errors), file=sys.stderr)
            print("build failed; still serving the last good site", file=sys.stderr, flush=True)
            return False
        errors[:] = []
        print(f"built in {time.perf_counter() - t0:.2f} s", flush=True)
        return True

    if not rebuild() and not args.out.exists():
        return 1
    server = make_server(args.out, args.host, args.port, csp=pages.csp(None) if args.pyodide == "local" else "",
                         live=True)
    server.handler.state["errors"] = errors  # the open pages show these as an overlay
    server.handler.state["problems"] = args.problems
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"serving http://{args.host}:{args.port}/  (Ctrl+C to stop)", flush=True)
    try:
        for _ in watch(args.problems, ROOT / "site", ROOT / "grader"):
            if rebuild():
                server.handler.state["build_id"] = str(time.time())
            server.handler.state["errors"] = list(errors)
    except KeyboardInterrupt:
        pass
    server.shutdown()
    return 0
