"""One live view per exercise: a record in the workspace's ``.mergecamp/watch/`` says
which process serves it and where, so a second ``watch`` can point there.

The record is read and written under a ``filelock`` (two ``watch`` started at once
cannot both win); a record whose process is gone, or whose address no longer answers,
is stale and ignored.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
from pathlib import Path

from filelock import FileLock

from mergecamp.errors import MergecampError
from mergecamp.replace import STATE_DIR
from mergecamp.watch.texts import ALREADY_WATCHING


def _paths(workspace: Path, exercise_id: str) -> tuple[Path, Path]:
    folder = workspace / STATE_DIR / "watch"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{exercise_id}.json", folder / f"{exercise_id}.lock"


def _alive(pid: object) -> bool:
    if not isinstance(pid, int) or isinstance(pid, bool) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def running(workspace: Path, exercise_id: str) -> dict | None:
    """The live record of another process serving ``exercise_id``, else None."""
    record, _lock = _paths(workspace, exercise_id)
    try:
        data = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("pid") == os.getpid() or not _alive(data.get("pid")):
        return None
    return data if _answers(data.get("url")) else None


def _answers(url: object) -> bool:
    """Does the recorded address still take connections? (A process id may be reused.)"""
    from urllib.parse import urlparse

    where = urlparse(url) if isinstance(url, str) else None
    if where is None or where.hostname != "127.0.0.1" or not where.port:
        return False
    try:
        with socket.create_connection(("127.0.0.1", where.port), timeout=0.5):
            return True
    except OSError:
        return False


def claim(workspace: Path, exercise_id: str, url: str) -> None:
    """Record this process as the live view, or refuse naming the one already running."""
    record, lock = _paths(workspace, exercise_id)
    with FileLock(str(lock), timeout=10):
        other = running(workspace, exercise_id)
        if other is not None:
            raise MergecampError(
                ALREADY_WATCHING.format(id=exercise_id, url=other.get("url"), pid=other["pid"]),
                exit_code=2,
            )
        tmp = record.with_suffix(".tmp")
        tmp.write_text(json.dumps({"pid": os.getpid(), "url": url}), encoding="utf-8")
        os.replace(tmp, record)


def release(workspace: Path, exercise_id: str) -> None:
    """Remove the record if it is still this process's."""
    record, lock = _paths(workspace, exercise_id)
    with FileLock(str(lock), timeout=10), contextlib.suppress(OSError, ValueError):
        if json.loads(record.read_text(encoding="utf-8")).get("pid") == os.getpid():
            record.unlink()
