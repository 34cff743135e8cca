"""The exercise metadata kept inside the learner's repository: ``.git/mergecamp.json``.

It lives in the git directory so that no ``git status`` shows it, no commit takes it,
and it goes away with the repository. For an exercise whose folder is not itself a
repository (the learner clones into it), it is ``<folder>/.mergecamp.json``.

Fields: ``exercise``, ``version`` (mergecamp's), ``template`` (template hash),
``start`` (ref name → commit sha right after setup, plus ``HEAD``), ``hints_shown``
and ``passed`` (set when a check first passes).
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any

FILENAME = "mergecamp.json"


def meta_path(root: Path) -> Path:
    """Where the metadata of the exercise whose folder is ``root`` is kept."""
    git_dir = root / ".git"
    if git_dir.is_dir():
        return git_dir / FILENAME
    return root / f".{FILENAME}"


def read_meta(root: Path) -> dict[str, Any] | None:
    """The metadata, or None when it is missing or unreadable."""
    for path in (root / ".git" / FILENAME, root / f".{FILENAME}"):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict) and isinstance(data.get("exercise"), str):
            return data
    return None


def write_meta(root: Path, data: dict[str, Any]) -> None:
    """Write atomically (temp file + rename), so a crash never leaves half a file."""
    import tempfile  # here: `check` only reads the meta file

    path = meta_path(root)
    fd, tmp = tempfile.mkstemp(prefix=".mergecamp-", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=2, sort_keys=True)
        fh.write("\n")
    os.replace(tmp, path)


def update_meta(root: Path, **changes: Any) -> None:
    """Merge ``changes`` into the metadata, if there is any; quiet otherwise."""
    data = read_meta(root)
    if data is None:
        return
    data.update(changes)
    with contextlib.suppress(OSError):
        write_meta(root, data)
