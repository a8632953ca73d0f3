"""The learner's process in CPython: ``python -m grader.learner REQUEST_FD REPLY_FD``.

Reads length-prefixed ``wire`` requests on one pipe and writes replies on the other. Its
standard streams point at /dev/null, so nothing it prints can reach the checker's output;
memory, CPU time and file writes are capped; run as root, it drops its capabilities, so it
cannot reach into the checker's process (which is not dumpable, see ``grader.cpython``).
"""

import os
import sys

MEMORY_LIMIT = 4 * 1024**3  # bytes of address space; wasm32 Pyodide cannot use more either


def _limit(cpu_seconds: int) -> None:
    import resource
    for what, value in ((resource.RLIMIT_AS, MEMORY_LIMIT), (resource.RLIMIT_CPU, cpu_seconds),
                        (resource.RLIMIT_FSIZE, 0), (resource.RLIMIT_CORE, 0)):
        try:
            resource.setrlimit(what, (value, value))
        except (ValueError, OSError):
            pass


def _drop_capabilities() -> None:
    """As root, give up every capability (CAP_SYS_PTRACE among them); the uid stays."""
    if os.geteuid() != 0:
        return
    import ctypes
    libc = ctypes.CDLL(None, use_errno=True)
    header = (ctypes.c_uint32 * 2)(0x20080522, 0)  # _LINUX_CAPABILITY_VERSION_3, this process
    data = (ctypes.c_uint32 * 6)()                  # effective, permitted, inheritable: none
    libc.prctl(38, 1, 0, 0, 0)                      # PR_SET_NO_NEW_PRIVS
    if libc.capset(header, data) != 0:
        raise OSError(ctypes.get_errno(), "capset failed")


def _read_exact(fd: int, n: int) -> bytes | None:
    chunks, left = [], n
    while left:
        b = os.read(fd, min(left, 1 << 20))
        if not b:
            return None
        chunks.append(b)
        left -= len(b)
    return b"".join(chunks)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def main() -> None:
    req, rep, cpu = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    _limit(cpu)
    import numpy  # noqa: F401  (before "ready": not counted in the time limit)
    from grader import wire
    from grader.learner.serve import Session, warm_up
    warm_up()
    _drop_capabilities()
    _write_all(rep, wire.frame(wire.encode({"ready": True})))
    session = Session()
    while True:
        head = _read_exact(req, 4)
        if head is None:
            return
        body = _read_exact(req, int.from_bytes(head, "little"))
        if body is None:
            return
        _write_all(rep, wire.frame(session.handle(body)))


if __name__ == "__main__":
    main()
