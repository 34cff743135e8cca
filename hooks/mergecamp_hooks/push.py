"""What is being pushed, from git's pre-push stdin or from pre-commit's variables.

git feeds a pre-push hook one line per ref: `<local ref> <local sha> <remote ref>
<remote sha>`. A zero local sha is a deletion (nothing to check); a zero remote sha is a
new branch, whose new commits are those not on any ref of that remote yet. pre-commit
reads that stdin itself and passes PRE_COMMIT_FROM_REF/TO_REF (or only the branch and
remote when the whole history is new) instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from mergecamp_hooks.gitutil import ZERO_SHA, git, git_ok


class PushedRef(NamedTuple):
    """One line of pre-push stdin."""

    local_ref: str
    local_sha: str
    remote_ref: str
    remote_sha: str

    @property
    def deleting(self) -> bool:
        """`git push origin :branch` sends a zero local sha."""
        return self.local_sha == ZERO_SHA


def parse_stdin(text: str) -> list[PushedRef]:
    """Parse git's pre-push input; raise ValueError naming the first malformed line."""
    refs = []
    for line in text.split("\n"):  # not splitlines(): a ref name may hold U+0085
        if not line.strip():
            continue
        parts = line.rstrip("\r").rsplit(" ", 3)  # git's single spaces; a name may hold others
        if len(parts) != 4:
            raise ValueError(
                f"pre-push input {line!r} is not `<local ref> <sha> <remote ref> <sha>`"
            )
        refs.append(PushedRef(*parts))
    return refs


def _commit_exists(sha: str) -> bool:
    """The remote's tip may be unknown here when it was never fetched."""
    return git_ok("cat-file", "-e", f"{sha}^{{commit}}")


def revisions(ref: PushedRef, remote: str) -> list[str] | None:
    """`git log` arguments that select the commits this ref pushes, or None for none."""
    if ref.deleting:
        return None
    if ref.remote_sha != ZERO_SHA and _commit_exists(ref.remote_sha):
        return [f"{ref.remote_sha}..{ref.local_sha}"]
    return [ref.local_sha, "--not", f"--remotes={remote}"]


def revisions_from_pre_commit(env: Mapping[str, str]) -> list[str] | None:
    """The range pre-commit computed for this push, or None when it passed none."""
    if env.get("PRE_COMMIT_FROM_REF") and env.get("PRE_COMMIT_TO_REF"):
        return [f"{env['PRE_COMMIT_FROM_REF']}..{env['PRE_COMMIT_TO_REF']}"]
    if env.get("PRE_COMMIT_LOCAL_BRANCH") and env.get("PRE_COMMIT_REMOTE_NAME"):
        return [
            env["PRE_COMMIT_LOCAL_BRANCH"],
            "--not",
            f"--remotes={env['PRE_COMMIT_REMOTE_NAME']}",
        ]
    return None


class Commit(NamedTuple):
    """A commit being pushed: enough to check its message and to say how to reword it."""

    sha: str
    parents: tuple[str, ...]
    message: str


def commits(revision_args: list[str]) -> list[Commit]:
    """The commits selected by `revision_args`, newest first, with full messages."""
    out = git("log", "-z", "--format=%H%x1f%P%x1f%B", *revision_args, "--")
    found = []
    for record in out.split("\0"):
        if not record.strip():
            continue
        sha, parents, message = record.lstrip("\n").split("\x1f", 2)
        found.append(Commit(sha, tuple(parents.split()), message))
    return found
