"""The marker that says "mergecamp built this folder, here, for this workspace".

mergecamp replaces and deletes only folders it built. ``engine.start`` writes a marker
into every folder it builds, before moving it into place:

- ``<workspace>/<id>/.git/mergecamp-built.json`` for an exercise repository (inside the
  git directory: no ``git status``, ``git clean -x`` or ``git stash -a`` touches it);
- ``<folder>/.mergecamp-built.json`` for a folder that is not a repository (the
  ``<id>-team`` folder; an exercise the learner clones into).

It is JSON::

    {"mergecamp": "built-folder", "format": 1,
     "exercise": "bisect", "kind": "exercise",        # or "team" for <id>-team
     "workspace": "/home/me/mergecamp",               # absolute, resolved
     "path": "/home/me/mergecamp/bisect",             # the folder's own absolute path
     "build": "bisect-k2j3h4g5",                       # the build that wrote it
     "version": "0.1.0"}

A folder is *ours* (:data:`OWNED`) when its marker names the exercise, the kind, the
workspace asked for and the folder's own path. A marker naming another path or
workspace is a copy or a moved folder (:data:`COPY`): refused, and the learner is sent
to the original. No marker at all, an unreadable one, or a symbolic link in the
folder's place is :data:`FOREIGN`: refused, whatever the flags.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from mergecamp import __version__

FILENAME = "mergecamp-built.json"
TAG = "built-folder"
FORMAT = 1

Kind = Literal["exercise", "team"]
Verdict = Literal["owned", "copy", "foreign", "missing"]
OWNED: Verdict = "owned"
COPY: Verdict = "copy"
FOREIGN: Verdict = "foreign"
MISSING: Verdict = "missing"


@dataclass(frozen=True)
class Marker:
    exercise: str
    kind: str
    workspace: str
    path: str
    build: str

    def to_json(self) -> dict[str, Any]:
        return {
            "mergecamp": TAG,
            "format": FORMAT,
            "exercise": self.exercise,
            "kind": self.kind,
            "workspace": self.workspace,
            "path": self.path,
            "build": self.build,
            "version": __version__,
        }


def _places(folder: Path) -> tuple[Path, Path]:
    return folder / ".git" / FILENAME, folder / f".{FILENAME}"


def write_marker(folder: Path, marker: Marker) -> Path:
    """Write ``marker`` into ``folder`` (atomically: a temporary file, then a rename)."""
    git_dir = folder / ".git"
    in_git = git_dir.is_dir() and not git_dir.is_symlink()
    path = _places(folder)[0 if in_git else 1]
    import tempfile  # here: `check` reads markers after every git command, never writes

    fd, tmp = tempfile.mkstemp(prefix=".mergecamp-built-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(marker.to_json(), handle, indent=2, sort_keys=True)
            handle.write("\n")
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return path


def read_marker(folder: Path) -> Marker | None:
    """The marker in ``folder``, or None when there is none or it is not ours."""
    if folder.is_symlink():
        return None
    for path in _places(folder):
        if path.is_symlink():
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(data, dict) or data.get("mergecamp") != TAG:
            continue
        fields = ("exercise", "kind", "workspace", "path", "build")
        if not all(isinstance(data.get(name), str) and data[name] for name in fields):
            continue
        return Marker(*(data[name] for name in fields))
    return None


def verdict(folder: Path, exercise_id: str, kind: Kind, workspace: Path) -> Verdict:
    """Whether mergecamp may replace ``folder`` (``<workspace>/<name>``) for the exercise."""
    if not folder.exists() and not folder.is_symlink():
        return MISSING
    if folder.is_symlink() or not folder.is_dir():
        return FOREIGN
    marker = read_marker(folder)
    if marker is None or marker.exercise != exercise_id or marker.kind != kind:
        return FOREIGN
    if marker.path != str(folder) or marker.workspace != str(workspace):
        return COPY
    return OWNED


def is_in_place(folder: Path, marker: Marker) -> bool:
    """Whether ``marker`` (read from ``folder``) was written for exactly this folder."""
    return marker.path == str(folder) and Path(marker.path).parent == Path(marker.workspace)
