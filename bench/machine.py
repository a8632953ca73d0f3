"""What the figures were measured on."""

from __future__ import annotations

import os
import platform
import subprocess


def cpu_model() -> str:
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def chromium_version(path: str) -> str:
    try:
        out = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=30).stdout
        return out.strip().splitlines()[0] if out.strip() else "unknown"
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def describe(chromium: str) -> dict:
    return {"nproc": len(os.sched_getaffinity(0)), "cpu": cpu_model(), "chromium": chromium_version(chromium),
            "python": platform.python_version(), "platform": platform.platform()}
