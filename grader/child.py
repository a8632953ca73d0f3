"""The child process of ``sandbox``: judge one submission, stream events on a private fd.

Learner output never reaches the protocol: fds 1 and 2 point at /dev/null before any
learner code runs (the runner captures ``print`` itself), and memory is capped.
"""

import json
import os
import sys

MEMORY_LIMIT = 4 * 1024**3  # bytes of address space; wasm32 Pyodide cannot use more either


def main() -> None:
    out = os.fdopen(int(sys.argv[1]), "w", encoding="utf-8", buffering=1)
    request = json.load(sys.stdin)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    try:
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    except (ImportError, ValueError, OSError):
        pass
    from grader import runner  # imports NumPy; before "start" so it is not timed
    # Bound now, as locals: this module's globals are not among those the guard restores,
    # so learner code could rebind ``json`` here (``import __main__``).
    dumps, write = json.dumps, out.write

    def emit(event: dict) -> None:
        write(dumps(event) + "\n")

    emit({"event": "start"})
    report = runner.run(request["bundle"], request["source"], request["mode"], on_event=emit,
                        time_limit=request["time_limit"])
    emit({"event": "report", "report": report.as_dict()})


if __name__ == "__main__":
    main()
