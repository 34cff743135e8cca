"""The few git calls the hooks need, through subprocess (no GitPython: hooks stay stdlib).

Each hook makes one to three git calls at most: every call costs a few milliseconds and
the hooks must stay well under 50 ms.
"""

from __future__ import annotations

import os

ZERO_SHA = "0" * 40


class GitError(RuntimeError):
    """git is missing, or this is not a repository, or a git command failed."""


def git(*args: str, input_text: str | None = None, check: bool = True) -> str:
    """Run `git args…` and return its stdout; raise GitError with git's own words."""
    import subprocess  # lazily: the commit-msg check never needs git

    try:
        result = subprocess.run(
            ("git", *args),
            input=input_text,
            capture_output=True,
            text=True,
            encoding="utf-8",
            # Paths and names are bytes to git: kept exact both ways (see decode_name).
            errors="surrogateescape",
        )
    except FileNotFoundError as exc:
        raise GitError("git is not installed or not on PATH") from exc
    if check and result.returncode != 0:
        message = result.stderr.strip() or f"git {' '.join(args)} failed"
        raise GitError(message)
    return result.stdout


def decode_name(raw: bytes) -> str:
    """A ref name as git stores it (bytes, not always UTF-8) as text: bytes that are not
    UTF-8 are kept as surrogates, so the name can be shown (with U+FFFD, see
    problem.visible) and still be turned back into the exact bytes for a fix command."""
    return raw.decode("utf-8", "surrogateescape")


def current_branch() -> str | None:
    """The checked-out branch (also an unborn one), or None on a detached HEAD."""
    import subprocess

    try:
        ref = subprocess.run(("git", "symbolic-ref", "-q", "HEAD"), capture_output=True)
    except FileNotFoundError as exc:
        raise GitError("git is not installed or not on PATH") from exc
    if ref.returncode == 1:
        return None  # detached HEAD
    if ref.returncode != 0:
        message = ref.stderr.decode("utf-8", "replace").strip()
        raise GitError(message or "not inside a git repository")
    name = decode_name(ref.stdout.strip())
    return name.removeprefix("refs/heads/")


def read_stdin() -> str:
    """git's hook input (pre-push ref lines): ref names may hold bytes that are not UTF-8,
    so they are decoded as `decode_name` does, never strictly."""
    import sys

    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # replaced by a text-only stream (tests)
        return sys.stdin.read() if sys.stdin is not None else ""
    return decode_name(stream.read())


def git_dir() -> str:
    """The repository's .git folder (works in worktrees and when GIT_DIR is set)."""
    if os.environ.get("GIT_DIR"):
        return os.environ["GIT_DIR"]
    return git("rev-parse", "--git-dir").strip()


def staged_files() -> list[str]:
    """Paths added, copied, modified or renamed in the index (what the commit will hold)."""
    out = git("diff", "--cached", "--name-only", "--diff-filter=ACMR", "-z")
    return [path for path in out.split("\0") if path]


def git_ok(*args: str) -> bool:
    """True when `git args…` exits 0 (for questions such as "does this commit exist?")."""
    import subprocess

    try:
        result = subprocess.run(("git", *args), capture_output=True)
    except FileNotFoundError as exc:
        raise GitError("git is not installed or not on PATH") from exc
    return result.returncode == 0
