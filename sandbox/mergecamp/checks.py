"""Shared building blocks for exercise checks. Every helper takes a ``GitReader`` (the
learner's clone, a teammate's, or the bare origin) and never raises on a missing
branch or an odd state: it answers ``None`` / ``False`` / an empty list instead.

Checks judge meaning, not one exact graph, so the helpers ask questions a reviewer
would: does this branch contain that commit, which files did these commits change,
what value does this config line hold on that branch, did this merge throw away one
side (``git merge -s ours``), are conflict markers left, do the model's tests pass.

Exercises turn the answers into verdicts with their own messages (``mergecamp.judge``,
``mergecamp.predicates``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from mergecamp_hooks.conventions import DEFAULT_TYPES

from mergecamp.configs import read_option

if TYPE_CHECKING:
    from mergecamp.gitread import Commit, GitReader

# Conventional Commits: type(scope)!: subject, with the types the team's hooks accept
# (one list, in the same distribution), so a check and the commit-msg hook never disagree
# on a message such as `style(config): tidy`.
COMMIT_TYPES: tuple[str, ...] = DEFAULT_TYPES
_CONVENTIONAL = re.compile(r"^(?P<type>[a-z]+)(\([^()\s][^()]*\))?!?: \S.*$")
_MARKER = re.compile(r"^(<{7}( .*)?|={7}|>{7}( .*)?|\|{7}( .*)?)$", re.MULTILINE)


# --- refs and commits -------------------------------------------------------------


def commit_of(repo: GitReader, rev: str) -> Commit | None:
    """The commit ``rev`` names (branch, tag, sha, ``main~2``), or None."""
    try:
        return repo.commit(rev)
    except Exception:  # missing, or an unreadable repository: both mean "not there"
        return None


def branch_tip(repo: GitReader, name: str) -> Commit | None:
    """The commit at local branch ``name``, or None when it does not exist."""
    return commit_of(repo, f"refs/heads/{name}")


def branch_names(repo: GitReader) -> list[str]:
    try:
        return sorted(repo.branches())
    except Exception:
        return []


def is_ancestor(repo: GitReader, ancestor: str, descendant: str) -> bool:
    """True when ``ancestor`` is reachable from ``descendant`` (or equal to it)."""
    try:
        return repo.is_ancestor(ancestor, descendant)
    except Exception:  # a folder gone mid-check: "not there", as everywhere here
        return False


def new_commits(repo: GitReader, base: str, tip: str) -> list[Commit]:
    """Commits reachable from ``tip`` but not from ``base``, newest first."""
    try:
        return repo.log(f"{base}..{tip}")
    except Exception:
        return []


def first_parent_chain(repo: GitReader, tip: str, stop: str) -> list[Commit]:
    """``tip``'s first-parent history down to (not including) ``stop``, newest first."""
    try:
        return repo.log(f"{stop}..{tip}", first_parent=True)
    except Exception:
        return []


def changed_paths(repo: GitReader, commit: Commit) -> set[str]:
    """Paths a commit changed against its first parent (all paths for a root commit)."""
    try:
        return repo.commit_paths(commit)
    except Exception:
        return set()


def paths_changed_between(repo: GitReader, base: str, tip: str) -> set[str]:
    """Files whose content differs between two revisions."""
    return repo.changed_paths(base, tip)


def file_at(repo: GitReader, rev: str, path: str) -> str | None:
    """The text of ``path`` at ``rev``, or None when either is missing."""
    return repo.read_text(rev, path)


def option_at(repo: GitReader, rev: str, path: str, key: str) -> str | None:
    """The value of config option ``key`` in ``path`` at ``rev``, parsed (see
    ``mergecamp.configs.read_option``): None when absent, and when the file there does not
    parse (duplicate keys, conflict markers), so a broken config never matches a value."""
    text = file_at(repo, rev, path)
    return None if text is None else read_option(text, key)


def worktree_text(repo: GitReader, path: str) -> str | None:
    if repo.worktree is None:
        return None
    try:
        return (repo.worktree / path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def tag_target(repo: GitReader, name: str) -> Commit | None:
    """The commit a tag (lightweight or annotated) points at, or None."""
    return commit_of(repo, f"refs/tags/{name}")


# --- messages -------------------------------------------------------------------


def is_conventional(message: str) -> bool:
    """Does the subject line follow Conventional Commits with a known type?"""
    subject = message.strip().splitlines()[0] if message.strip() else ""
    match = _CONVENTIONAL.match(subject)
    return bool(match) and match.group("type") in COMMIT_TYPES


def subject(commit: Commit) -> str:
    return commit.subject


# --- working tree and index -----------------------------------------------------


def _lines(repo: GitReader, *args: str) -> list[str]:
    try:
        return [line for line in repo.run(*args).split("\n") if line.strip()]
    except Exception:
        return []


def staged_paths(repo: GitReader) -> set[str]:
    """Paths whose index entry differs from HEAD."""
    return set(_lines(repo, "diff", "--cached", "--name-only"))


def dirty_paths(repo: GitReader) -> set[str]:
    """Tracked paths changed in the work tree or index (untracked files excluded)."""
    return {line[3:] for line in _lines(repo, "status", "--porcelain", "--untracked-files=no")}


# --- merges ---------------------------------------------------------------------


def has_markers(text: str | None) -> bool:
    return bool(text) and _MARKER.search(text) is not None


def files_with_markers(repo: GitReader, rev: str, paths: Iterable[str]) -> list[str]:
    """Which of ``paths`` hold conflict markers at ``rev``."""
    return [p for p in paths if has_markers(file_at(repo, rev, p))]


def merges_in(repo: GitReader, base: str, tip: str) -> list[Commit]:
    """Merge commits reachable from ``tip`` but not from ``base``."""
    return [c for c in new_commits(repo, base, tip) if c.is_merge]


def dropped_side(repo: GitReader, merge: Commit) -> bool:
    """Did this merge throw away one side's change? Either it kept its first parent's
    whole tree although the other side changed something (``git merge -s ours``), or a
    file both sides changed differently ends exactly as one side left it (``-X ours``,
    ``-X theirs``, ``git checkout --ours``/``--theirs`` and commit)."""
    if not merge.is_merge:
        return False
    first_sha, other = merge.parents[0], merge.parents[1]
    base = repo.merge_base(first_sha, other)
    if not base or repo.is_ancestor(other, first_sha):
        return False
    first = commit_of(repo, first_sha)
    if first is None:
        return False
    if merge.tree == first.tree:
        # Nothing lost when a plain merge gives that same tree (the other side's changes
        # were already there, copied before); a conflict or another tree means it dropped.
        try:
            clean = repo.run("merge-tree", "--write-tree", first_sha, other)
        except Exception:  # conflicts: git exits 1
            return True
        return clean.split("\n")[0].strip() != first.tree
    both = repo.changed_paths(base, first_sha) & repo.changed_paths(base, other)
    for path in sorted(both):
        ours, theirs = file_at(repo, first_sha, path), file_at(repo, other, path)
        if ours != theirs and file_at(repo, merge.sha, path) in (ours, theirs):
            return True
    return False


# --- what the model's tests need (mergecamp.project_tests runs them) ----------------


ML_PACKAGES = ("torch", "lightning", "jsonargparse", "torchmetrics", "sklearn")


def missing_ml_packages() -> list[str]:
    """The packages the model's own tests import that mergecamp's Python lacks.

    A check that runs the model must tell "your merge broke the model" apart from
    "this Python cannot run any model": only the first is the learner's to fix.
    """
    import importlib.util

    return [name for name in ML_PACKAGES if importlib.util.find_spec(name) is None]
