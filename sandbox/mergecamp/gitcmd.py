"""Run git as a subprocess with an environment that cannot leak into the wrong repository.

mergecamp runs inside git hooks (the exercise repos' progress hooks, teammates pushing
from the learner's push), where git exports ``GIT_DIR`` and friends; a child git that
inherited them would act on the learner's repository instead of the one asked for.
Every git subprocess mergecamp starts takes its environment from :func:`clean_env`,
most through :func:`git`.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping
from pathlib import Path

# Variables a hook's environment may carry that tie git to one repository.
_REPO_BOUND = (
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_PREFIX",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_QUARANTINE_PATH",
    "GIT_COMMON_DIR",
    "GIT_NAMESPACE",
    "GIT_EDITOR",
    "GIT_SEQUENCE_EDITOR",
)


class GitFailed(RuntimeError):
    """A git command exited non-zero; ``stderr`` keeps git's own words."""

    def __init__(self, args: tuple[str, ...], returncode: int, stderr: str) -> None:
        super().__init__(f"git {' '.join(args)} failed ({returncode}): {stderr.strip()}")
        self.returncode = returncode
        self.stderr = stderr


def clean_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """``os.environ`` without repository-binding variables, plus ``extra``."""
    env = {k: v for k, v in os.environ.items() if k not in _REPO_BOUND}
    env["GIT_TERMINAL_PROMPT"] = "0"
    if extra:
        env.update(extra)
    return env


def git(
    cwd: Path,
    *args: str,
    env: Mapping[str, str] | None = None,
    input: str | None = None,
    check: bool = True,
) -> str:
    """Run ``git args`` in ``cwd``; return stdout stripped of its last newline."""
    proc = subprocess.run(
        ["git", *args],
        cwd=cwd,
        env=clean_env(env),
        input=input,
        capture_output=True,
        text=True,
    )
    if check and proc.returncode != 0:
        raise GitFailed(args, proc.returncode, proc.stderr)
    return proc.stdout.rstrip("\n")


def ok(cwd: Path, *args: str) -> bool:
    """Whether ``git args`` succeeds (for questions such as ``merge-base --is-ancestor``)."""
    return (
        subprocess.run(
            ["git", *args], cwd=cwd, env=clean_env(), capture_output=True, text=True
        ).returncode
        == 0
    )
