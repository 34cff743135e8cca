"""What state a repository is in, read from files git leaves behind, so answers are exact.

A learner may run ``mergecamp check`` in the middle of anything: a merge with conflicts,
an interactive rebase, a bisect, on a detached HEAD, with the branch deleted. Git
records each of these as a file in the git directory (``MERGE_HEAD``, ``rebase-merge/``,
``BISECT_LOG``…); reading them is cheap and never fails, unlike asking porcelain
commands. ``RepoState.describe()`` says in both languages what is going on and how to
finish or leave it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from mergecamp import escape
from mergecamp.i18n import Text

# name → (files/dirs that mark it, how to say it, how to get out)
_OPERATIONS: tuple[tuple[str, tuple[str, ...], Text], ...] = (
    (
        "rebase",
        ("rebase-merge", "rebase-apply/rebasing"),
        Text(
            en="a rebase is in progress: finish it with `git rebase --continue`, "
            "or go back with `git rebase --abort`",
            ko="리베이스가 진행 중이에요: `git rebase --continue`로 마치거나 "
            "`git rebase --abort`로 되돌리세요",
        ),
    ),
    (
        "am",
        ("rebase-apply/applying",),
        Text(
            en="`git am` is in progress: `git am --continue` or `git am --abort`",
            ko="`git am`이 진행 중이에요: `git am --continue` 또는 `git am --abort`",
        ),
    ),
    (
        "merge",
        ("MERGE_HEAD",),
        Text(
            en="a merge is in progress: resolve the conflicts, `git add` the files and "
            "`git commit`, or give up with `git merge --abort`",
            ko="머지가 진행 중이에요: 충돌을 해결하고 `git add` 한 다음 `git commit` 하거나, "
            "`git merge --abort`로 취소하세요",
        ),
    ),
    (
        "cherry-pick",
        ("CHERRY_PICK_HEAD",),
        Text(
            en="a cherry-pick is in progress: `git cherry-pick --continue` or "
            "`git cherry-pick --abort`",
            ko="체리픽이 진행 중이에요: `git cherry-pick --continue` 또는 "
            "`git cherry-pick --abort`",
        ),
    ),
    (
        "revert",
        ("REVERT_HEAD",),
        Text(
            en="a revert is in progress: `git revert --continue` or `git revert --abort`",
            ko="리버트가 진행 중이에요: `git revert --continue` 또는 `git revert --abort`",
        ),
    ),
    (
        "bisect",
        ("BISECT_LOG",),
        Text(
            en="a bisect is in progress: when you are done, `git bisect reset` brings you back",
            ko="bisect가 진행 중이에요: 다 찾았으면 `git bisect reset`으로 돌아오세요",
        ),
    ),
)


@dataclass(frozen=True)
class RepoState:
    """A snapshot of where a repository stands."""

    operation: str | None  # "merge", "rebase", "am", "cherry-pick", "revert", "bisect"
    branch: str | None  # the checked-out branch, None when HEAD is detached or broken
    detached: bool
    head_sha: str | None  # None on an unborn branch or an unreadable HEAD
    unmerged: tuple[str, ...] = ()

    def describe(self) -> Text | None:
        """What is unusual right now and how to get out of it, or None if nothing is."""
        parts: list[Text] = []
        for name, _markers, text in _OPERATIONS:
            if name == self.operation:
                parts.append(text)
        if self.unmerged:
            files = ", ".join(f"`{escape.plain(p)}`" for p in self.unmerged[:5])
            parts.append(
                Text(
                    en="files with unresolved conflicts: {files}",
                    ko="충돌이 아직 해결되지 않은 파일: {files}",
                ).format(files=files)
            )
        if self.detached and self.operation not in ("rebase", "bisect"):
            short = (self.head_sha or "?")[:7]
            parts.append(
                Text(
                    en="HEAD is detached at {sha} (on a commit, not on a branch): "
                    "`git checkout <branch>` (or `git switch <branch>`) takes you back to a branch",
                    ko="HEAD가 브랜치가 아닌 커밋 {sha} 위에 있어요(detached HEAD). "
                    "`git checkout <브랜치>`(또는 `git switch <브랜치>`)로 브랜치에 돌아가세요",
                ).format(sha=short)
            )
        if not parts:
            return None
        return Text(en="; ".join(p.en for p in parts), ko="; ".join(p.ko for p in parts))


def read_state(git_dir: Path) -> RepoState:
    """Read ``git_dir`` (the ``.git`` folder) without running git for the common cases."""
    operation = None
    for name, markers, _text in _OPERATIONS:
        if any((git_dir / m).exists() for m in markers):
            operation = name
            break
    branch, detached, sha = _read_head(git_dir)
    return RepoState(
        operation=operation,
        branch=branch,
        detached=detached,
        head_sha=sha,
        unmerged=_unmerged(git_dir) if operation in ("merge", "rebase", "cherry-pick") else (),
    )


def _read_head(git_dir: Path) -> tuple[str | None, bool, str | None]:
    """Branch (undecodable bytes shown as ``�``), detached flag and sha of HEAD."""
    try:
        head = (git_dir / "HEAD").read_bytes().strip()
    except OSError:
        return None, False, None
    if head.startswith(b"ref: "):
        ref = head[5:]
        branch = ref.removeprefix(b"refs/heads/").decode("utf-8", "replace")
        return branch, False, _resolve_ref(git_dir, ref)
    return None, True, head.decode("ascii", "replace") or None


def _resolve_ref(git_dir: Path, ref: bytes) -> str | None:
    """The sha ``ref`` points at; ref names are compared as bytes, as git stores them."""
    loose = git_dir / os.fsdecode(ref)
    try:
        if loose.is_file():
            return loose.read_bytes().decode("ascii", "replace").strip() or None
        packed = git_dir / "packed-refs"
        if packed.is_file():
            for line in packed.read_bytes().splitlines():
                parts = line.split(b" ", 1)
                if len(parts) == 2 and parts[1] == ref:
                    return parts[0].decode("ascii", "replace")
    except (OSError, ValueError):
        return None
    return None


def _unmerged(git_dir: Path) -> tuple[str, ...]:
    """Paths with conflict stages in the index (needs git; quiet on any failure)."""
    import subprocess

    try:
        out = subprocess.run(
            [
                "git",
                "--git-dir",
                str(git_dir),
                "--work-tree",
                str(git_dir.parent),
                "diff",
                "--name-only",
                "--diff-filter=U",
                "-z",
            ],
            capture_output=True,
            timeout=30,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return ()
    names = {name.decode("utf-8", "replace") for name in out.split(b"\0") if name}
    return tuple(sorted(names))
