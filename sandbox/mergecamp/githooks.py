"""Git hooks for exercise repositories: after each git command, a one-line progress report.

The hooks (post-commit, post-checkout, post-merge, post-rewrite) run
``<this python> -m mergecamp.hook_line``, which prints a compact line such as
``mergecamp: 2/4 ✔ …`` on stderr. They can never block or fail a git command: those
four hooks run after the fact, and the script ignores the exit status, closes stdin
(post-rewrite passes data there) and exits 0. Setting ``MERGECAMP_NO_HOOK=1`` silences
them (mergecamp's own git calls and the test suite use it).

Not to be confused with ``mergecamp_hooks`` (the conventions hooks for pre-commit).
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

HOOK_NAMES = ("post-commit", "post-checkout", "post-merge", "post-rewrite")
MARK = "# installed by mergecamp"


def hook_script(python: str | None = None) -> str:
    """The shell script written for each hook."""
    exe = Path(python or sys.executable).as_posix().replace('"', '\\"')
    return (
        "#!/bin/sh\n"
        f"{MARK}: prints the exercise checklist after git commands; never blocks git.\n"
        '[ -n "$MERGECAMP_NO_HOOK" ] && exit 0\n'
        "unset GIT_DIR GIT_INDEX_FILE GIT_WORK_TREE GIT_PREFIX\n"
        f'"{exe}" -m mergecamp.hook_line </dev/null >&2 2>&1 || true\n'
        "exit 0\n"
    )


def install_hooks(git_dir: Path, python: str | None = None) -> list[Path]:
    """Write the hooks into ``git_dir/hooks`` (replacing only hooks mergecamp wrote)."""
    hooks = git_dir / "hooks"
    hooks.mkdir(parents=True, exist_ok=True)
    script = hook_script(python)
    written = []
    for name in HOOK_NAMES:
        path = hooks / name
        if path.exists() and MARK not in path.read_text(encoding="utf-8", errors="replace"):
            continue  # someone else's hook: leave it alone
        path.write_text(script, encoding="utf-8")
        mode = path.stat().st_mode
        path.chmod(mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        written.append(path)
    return written


def hooks_silenced() -> bool:
    return bool(os.environ.get("MERGECAMP_NO_HOOK"))
