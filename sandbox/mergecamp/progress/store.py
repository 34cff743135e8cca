"""Where a learner's progress lives, and how it is read and written safely.

Several mergecamp commands may run at once (a git hook fires while the learner types
``mergecamp check`` in another terminal), so every change is a read-modify-write under
an exclusive lock on a side file, written to a temporary file and moved into place with
``os.replace``: a reader sees the old record or the new one, never half of one.

A file that is not valid JSON, or not ours, is never overwritten: it is renamed aside
(``progress.json.corrupt-<time>``) and the learner is told once, on stderr.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from mergecamp.i18n import Text, resolve_lang
from mergecamp.progress import schema

try:  # POSIX; elsewhere writes still are atomic, only not serialised.
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

FILE_NAME = "progress.json"
LOCK_TIMEOUT_S = 10.0

LINKED = Text(
    en="{path} is a symbolic link; mergecamp does not write through links",
    ko="{path}이(가) 심볼릭 링크예요. mergecamp는 링크를 따라가서 쓰지 않아요",
)

SET_ASIDE = Text(
    en="mergecamp: your progress file {path} could not be read ({why}). "
    "It was kept as {aside} and a new one is started.",
    ko="mergecamp: 진행 기록 파일 {path}을(를) 읽을 수 없어요 ({why}). "
    "{aside}(으)로 옮겨 두고 새 기록을 시작할게요.",
)
NOT_SAVED = Text(
    en="mergecamp: progress was not saved ({why}). Your exercise is not affected.",
    ko="mergecamp: 진행 기록을 저장하지 못했어요 ({why}). 연습에는 영향이 없어요.",
)

_warned: set[str] = set()


class UnreadableRecord(Exception):
    """The progress file exists but is not a record we can update."""


def progress_path() -> Path:
    """Where the record lives.

    With an explicit workspace (``--workspace``, see ``mergecamp.paths.use_workspace``)
    it is ``<workspace>/.mergecamp/progress.json``: mergecamp writes only inside the
    workspace it was told to use. Otherwise ``$MERGECAMP_HOME/progress.json`` if set,
    else the per-user data directory.
    """
    from mergecamp.paths import explicit_workspace

    workspace = explicit_workspace()
    if workspace is not None:
        return workspace / ".mergecamp" / FILE_NAME
    home = os.environ.get("MERGECAMP_HOME")
    if home:
        return Path(home).expanduser() / FILE_NAME
    import platformdirs

    return Path(platformdirs.user_data_dir("mergecamp", appauthor=False)) / FILE_NAME


def now_iso() -> str:
    """The current time in UTC, ISO-8601, with milliseconds (stable sort order)."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def default_learner() -> str:
    """``$MERGECAMP_LEARNER``, else git's global ``user.name``, else the login name."""
    name = os.environ.get("MERGECAMP_LEARNER", "").strip()
    if name:
        return name
    try:
        out = subprocess.run(
            ["git", "config", "--global", "--get", "user.name"],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        out = ""
    if out:
        return out
    for var in ("USER", "USERNAME", "LOGNAME"):
        if os.environ.get(var, "").strip():
            return os.environ[var].strip()
    return "learner"


def warn_once(text: Text, **fields: object) -> None:
    """Say ``text`` on stderr, at most once per message per process."""
    message = text.format(**fields)(resolve_lang())
    if message in _warned:
        return
    _warned.add(message)
    print(message, file=sys.stderr)


class LinkedPath(OSError):
    """A folder on the way to the record is a symbolic link: refused, never followed."""


def _refuse_links(path: Path) -> None:
    """Refuse a record in a workspace whose ``.mergecamp`` is a symbolic link (it would
    take the writes out of the workspace)."""
    if path.parent.name == ".mergecamp" and path.parent.is_symlink():
        raise LinkedPath(LINKED.format(path=path.parent)(resolve_lang()))


def _open_lock(path: Path) -> int:
    """Open the lock file without following a link; a link in its place is replaced."""
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
    try:
        return os.open(path, flags, 0o600)
    except OSError:
        if not path.is_symlink():
            raise
    path.unlink()
    return os.open(path, flags | os.O_EXCL, 0o600)


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``<path>.lock`` (waits up to ``LOCK_TIMEOUT_S``)."""
    _refuse_links(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fcntl is None:  # pragma: no cover
        yield
        return
    with os.fdopen(_open_lock(path.with_name(path.name + ".lock")), "r+b") as handle:
        deadline = time.monotonic() + LOCK_TIMEOUT_S
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise TimeoutError("another mergecamp holds the progress lock") from None
                time.sleep(0.01)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def read(path: Path) -> dict[str, Any] | None:
    """The record at ``path``, ``None`` if there is none; ``UnreadableRecord`` otherwise."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as err:  # JSONDecodeError is a ValueError
        raise UnreadableRecord(f"not valid JSON: {err}") from None
    except RecursionError:
        raise UnreadableRecord("nested too deeply to be a progress record") from None
    found = schema.problems(data)
    if found:
        raise UnreadableRecord(found[0])
    return data


def write_atomic(path: Path, data: dict[str, Any]) -> None:
    """Write ``data`` as JSON to ``path`` so that readers never see a partial file (a
    link at ``path`` is replaced by the new file, never written through)."""
    _refuse_links(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=2, sort_keys=True)
            handle.write("\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def set_aside(path: Path, why: str) -> Path:
    """Rename an unreadable record out of the way (never deleting it) and say so."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    os.replace(path, aside)
    warn_once(SET_ASIDE, path=path, why=why, aside=aside.name)
    return aside


def load(path: Path | None = None) -> dict[str, Any]:
    """The learner's record, or a fresh empty one; never writes (for read-only commands)."""
    path = path or progress_path()
    try:
        data = read(path)
    except UnreadableRecord:
        data = None
    return data or schema.new_record(default_learner(), now_iso())


def update(change: Callable[[dict[str, Any]], None], path: Path | None = None) -> dict[str, Any]:
    """Apply ``change`` to the record under the lock and save it; returns the new record.

    An unreadable file is set aside first, so the change starts a fresh record.
    """
    path = path or progress_path()
    with locked(path):
        try:
            data = read(path)
        except UnreadableRecord as err:
            set_aside(path, str(err))
            data = None
        now = now_iso()
        if data is None:
            data = schema.new_record(default_learner(), now)
        change(data)
        data["updated"] = now
        sealed = schema.seal(data)
        write_atomic(path, sealed)
        return sealed
