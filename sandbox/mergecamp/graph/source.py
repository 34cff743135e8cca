"""From an exercise (or any repository) to layouts ready to draw.

Keeps the choices in one place: which commits count as the learner's new ones (those
not reachable from the refs recorded in ``.git/mergecamp.json`` right after setup), and
how the goal graph is found.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from mergecamp.gitcmd import clean_env
from mergecamp.graph.history import read_history
from mergecamp.graph.layout import Layout, layout

_SHA = re.compile(r"^[0-9a-f]{40}$")


def start_commits(repo: Path, meta: dict | None) -> frozenset[str] | None:
    """Every commit of the exercise's start state, or None when it is not known."""
    start = (meta or {}).get("start") or {}
    tips = sorted({sha for sha in start.values() if isinstance(sha, str) and _SHA.match(sha)})
    if not tips:
        return None
    present = [sha for sha in tips if _exists(repo, sha)]
    if not present:
        return frozenset()
    out = subprocess.run(
        ["git", "-C", str(repo), "rev-list", *present, "--"],
        capture_output=True,
        text=True,
        encoding="ascii",
        errors="replace",
        check=False,
        env=clean_env(),
    )
    return frozenset(out.stdout.split()) if out.returncode == 0 else None


def _exists(repo: Path, sha: str) -> bool:
    result = subprocess.run(
        ["git", "-C", str(repo), "cat-file", "-e", f"{sha}^{{commit}}"],
        capture_output=True,
        check=False,
        env=clean_env(),
    )
    return result.returncode == 0


def repo_layout(
    repo: Path, *, limit: int = 400, meta: dict | None = None, show_head: bool = True
) -> Layout:
    """The layout of ``repo``, marking new commits when it is an exercise repository
    (or, with ``meta``, those outside its ``start`` refs: a clone the learner made).
    ``show_head=False`` for a bare remote, whose HEAD nobody stands on."""
    from mergecamp.meta import read_meta

    history = read_history(repo, limit=limit)
    if not show_head:
        history.head_sha, history.head_branch, history.extra_heads = None, None, {}
    out = subprocess.run(
        ["git", "-C", str(repo), "rev-parse", "--show-toplevel"],
        capture_output=True,
        check=False,
        env=clean_env(),
    ).stdout.strip()
    top = Path(os.fsdecode(out)) if out else repo  # a path: its bytes kept as they are
    return layout(history, start_commits(repo, meta if meta is not None else read_meta(top)))
