"""CPython only: run the grader in a child process, so a time limit can really be enforced.

The child (``python -m grader.child``) reads ``{bundle, source, mode}`` on stdin and
writes one JSON event per line on a private pipe: ``start``, ``loaded``, each ``test``,
then ``report``. At the time limit the parent sends SIGINT (which the runner turns into
a ``timeout`` verdict, as Pyodide's interrupt buffer does in the browser), then SIGKILL
after a grace period if the learner swallowed it. A child that dies without a report
(``os._exit``, out of memory) gets a truthful report built from the events it did send.
"""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from .report import Report, cut_report, report_from_dict, test_from_dict

GRACE = 1.0         # seconds between SIGINT and SIGKILL
STARTUP_LIMIT = 60  # seconds for the child to import NumPy and the grader
ROOT = Path(__file__).resolve().parent.parent


def _reader(stream, q: queue.Queue) -> None:
    for line in stream:
        q.put(line)
    q.put(None)


def run_isolated(bundle: dict, source: str, mode: str = "tests",
                 time_limit: float | None = None) -> Report:
    """Judge ``source`` in a fresh child process; same report as ``runner.run``."""
    limit = bundle.get("time_limit", 5.0) if time_limit is None else time_limit
    names = bundle["test_names"] if mode == "tests" else [f"Example {i}" for i in range(1, len(bundle["examples"]) + 1)]
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "0"}
    r, w = os.pipe()
    proc = subprocess.Popen([sys.executable, "-m", "grader.child", str(w)], stdin=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
                            pass_fds=(w,), cwd=str(ROOT))
    os.close(w)
    q: queue.Queue = queue.Queue()
    threading.Thread(target=_reader, args=(os.fdopen(r, encoding="utf-8"), q), daemon=True).start()
    stderr = bytearray()

    def drain() -> None:  # keep the first 64 KB: only shown if the child fails to start
        while chunk := proc.stderr.read(65536):
            stderr.extend(chunk[: max(0, 65536 - len(stderr))])
    threading.Thread(target=drain, daemon=True).start()
    proc.stdin.write(json.dumps({"bundle": bundle, "source": source, "mode": mode,
                                 "time_limit": limit}).encode())
    proc.stdin.close()
    loaded, done, report = False, [], None
    started = None
    deadline = time.monotonic() + STARTUP_LIMIT
    interrupted = False
    while True:
        try:
            line = q.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            if started is None or interrupted:
                proc.kill()
                break
            proc.send_signal(signal.SIGINT)
            interrupted, deadline = True, time.monotonic() + GRACE
            continue
        if line is None:
            break
        event = json.loads(line)
        kind = event["event"]
        if kind == "start":
            started = time.monotonic()
            deadline = started + limit
        elif kind == "loaded":
            loaded = True
        elif kind == "test":
            done.append(test_from_dict(event["test"]))
        elif kind == "report":
            report = report_from_dict(event["report"])
    proc.wait()
    if report is not None:
        return report
    if started is None:
        raise RuntimeError("the grader child failed to start:\n" + stderr.decode(errors="replace"))
    duration = (time.monotonic() - started) * 1000
    reason = "timeout" if interrupted else "crash"
    return cut_report(bundle["problem"], mode, names, done, loaded, reason, limit, duration)
