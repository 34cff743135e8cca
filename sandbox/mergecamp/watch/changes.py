"""Noticing git commands: poll the files git writes and report once they settle.

Polling ``stat`` of a few dozen small files every 50 ms costs next to nothing, needs no
extra library and behaves the same on every filesystem (inotify misses changes on some
mounted folders, and git replaces files by renaming lock files, which watchers report
in bursts). The learner's hooks stay untouched and fast.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

POLL_S = 0.05
SETTLE_S = 0.12  # git writes HEAD, refs, index and logs one after another

# Inside a .git folder (or a bare origin): what changes when a git command changes
# what the page shows. Folders are walked (loose refs, rebase and merge state).
_FILES = (
    "HEAD",
    "ORIG_HEAD",
    "MERGE_HEAD",
    "CHERRY_PICK_HEAD",
    "REVERT_HEAD",
    "REBASE_HEAD",
    "BISECT_LOG",
    "FETCH_HEAD",
    "packed-refs",
    "index",
    "mergecamp.json",
    "logs/HEAD",
)
_FOLDERS = ("refs", "rebase-merge", "rebase-apply", "mergecamp")


def fingerprint(git_dirs: Iterable[Path]) -> tuple:
    """The (path, mtime, size) of every watched file: equal means nothing changed."""
    seen: list[tuple[str, int, int]] = []
    for gdir in git_dirs:
        for name in _FILES:
            _stat(gdir / name, seen)
        for folder in _FOLDERS:
            for dirpath, _dirs, files in os.walk(gdir / folder):
                for name in files:
                    _stat(Path(dirpath) / name, seen)
    return tuple(sorted(seen))


def _stat(path: Path, out: list[tuple[str, int, int]]) -> None:
    try:
        st = path.stat()
    except OSError:
        return
    out.append((str(path), st.st_mtime_ns, st.st_size))


class Watcher:
    """Calls ``on_change`` (in its own thread) after each settled change in the folders
    ``git_dirs()`` names (asked on every poll)."""

    def __init__(self, git_dirs: Callable[[], list[Path]], on_change: Callable[[], None]) -> None:
        self.git_dirs = git_dirs
        self.on_change = on_change
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="mergecamp-watch", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)

    def _run(self) -> None:
        last = fingerprint(self.git_dirs())
        while not self._stop.wait(POLL_S):
            now = fingerprint(self.git_dirs())
            if now == last:
                continue
            # Wait until git is done writing, so one command gives one update.
            settled_at = time.monotonic()
            while not self._stop.wait(POLL_S):
                again = fingerprint(self.git_dirs())
                if again != now:
                    now, settled_at = again, time.monotonic()
                elif time.monotonic() - settled_at >= SETTLE_S:
                    break
            last = now
            if not self._stop.is_set():
                # A failed update must not stop the watching.
                with contextlib.suppress(Exception):
                    self.on_change()
