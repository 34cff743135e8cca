"""Running ``mergecamp watch`` as a learner does, in its own process group (a terminal's
Ctrl-C reaches the whole group), and reading the URL it prints."""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path


def start_watch(cwd: Path, *args: str, timeout: float = 30) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "mergecamp", "--lang", "en", "watch", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if sel.select(timeout=0.2):
            line = proc.stdout.readline()
            if "http://" in line:
                return proc, line[line.index("http://") :].split()[0]
            if not line:
                break
    stop(proc)
    raise AssertionError(f"watch printed no URL: {proc.stderr.read()}")


def interrupt(proc: subprocess.Popen, timeout: float = 10) -> int:
    """Ctrl-C as a terminal sends it (to the process group); the exit status."""
    os.killpg(proc.pid, signal.SIGINT)
    return proc.wait(timeout=timeout)


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        try:
            interrupt(proc, timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
