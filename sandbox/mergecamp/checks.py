"""Shared building blocks for exercise checks. Every helper takes a ``git.Repo`` (the
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
from pathlib import Path
from typing import TYPE_CHECKING

from mergecamp_hooks.conventions import DEFAULT_TYPES

from mergecamp.configs import read_option

if TYPE_CHECKING:
    import git

# Conventional Commits: type(scope)!: subject, with the types the team's hooks accept
# (one list, in the same distribution), so a check and the commit-msg hook never disagree
# on a message such as `style(config): tidy`.
COMMIT_TYPES: tuple[str, ...] = DEFAULT_TYPES
_CONVENTIONAL = re.compile(r"^(?P<type>[a-z]+)(\([^()\s][^()]*\))?!?: \S.*$")
_MARKER = re.compile(r"^(<{7}( .*)?|={7}|>{7}( .*)?|\|{7}( .*)?)$", re.MULTILINE)


# --- refs and commits -------------------------------------------------------------


def commit_of(repo: git.Repo, rev: str) -> git.Commit | None:
    """The commit ``rev`` names (branch, tag, sha, ``main~2``), or None."""
    try:
        return repo.commit(rev)
    except Exception:  # BadName, ValueError, missing objects: all mean "not there"
        return None


def branch_tip(repo: git.Repo, name: str) -> git.Commit | None:
    """The commit at local branch ``name``, or None when it does not exist."""
    return commit_of(repo, f"refs/heads/{name}")


def branch_names(repo: git.Repo) -> list[str]:
    try:
        return sorted(h.name for h in repo.heads)
    except Exception:
        return []


def is_ancestor(repo: git.Repo, ancestor: str, descendant: str) -> bool:
    """True when ``ancestor`` is reachable from ``descendant`` (or equal to it)."""
    try:
        repo.git.merge_base("--is-ancestor", ancestor, descendant)
        return True
    except Exception:
        return False


def new_commits(repo: git.Repo, base: str, tip: str) -> list[git.Commit]:
    """Commits reachable from ``tip`` but not from ``base``, newest first."""
    try:
        return list(repo.iter_commits(f"{base}..{tip}"))
    except Exception:
        return []


def first_parent_chain(repo: git.Repo, tip: str, stop: str) -> list[git.Commit]:
    """``tip``'s first-parent history down to (not including) ``stop``, newest first."""
    try:
        return list(repo.iter_commits(f"{stop}..{tip}", first_parent=True))
    except Exception:
        return []


def changed_paths(commit: git.Commit) -> set[str]:
    """Paths a commit changed against its first parent (all paths for a root commit)."""
    try:
        if not commit.parents:
            return {item.path for item in commit.tree.traverse() if item.type == "blob"}
        return {d.b_path or d.a_path for d in commit.parents[0].diff(commit)}
    except Exception:
        return set()


def paths_changed_between(repo: git.Repo, base: str, tip: str) -> set[str]:
    """Files whose content differs between two revisions."""
    try:
        out = repo.git.diff("--name-only", base, tip)
    except Exception:
        return set()
    return set(out.split("\n")) - {""}


def file_at(repo: git.Repo, rev: str, path: str) -> str | None:
    """The text of ``path`` at ``rev``, or None when either is missing."""
    commit = commit_of(repo, rev)
    if commit is None:
        return None
    try:
        blob = commit.tree / path
        return blob.data_stream.read().decode("utf-8", errors="replace")
    except Exception:
        return None


def option_at(repo: git.Repo, rev: str, path: str, key: str) -> str | None:
    """The value of config option ``key`` in ``path`` at ``rev``, parsed (see
    ``mergecamp.configs.read_option``): None when absent, and when the file there does not
    parse (duplicate keys, conflict markers), so a broken config never matches a value."""
    text = file_at(repo, rev, path)
    return None if text is None else read_option(text, key)


def worktree_text(repo: git.Repo, path: str) -> str | None:
    try:
        return (Path(repo.working_tree_dir) / path).read_text(encoding="utf-8", errors="replace")
    except (OSError, TypeError):
        return None


def tag_target(repo: git.Repo, name: str) -> git.Commit | None:
    """The commit a tag (lightweight or annotated) points at, or None."""
    return commit_of(repo, f"refs/tags/{name}^{{commit}}")


# --- messages -------------------------------------------------------------------


def is_conventional(message: str) -> bool:
    """Does the subject line follow Conventional Commits with a known type?"""
    subject = message.strip().splitlines()[0] if message.strip() else ""
    match = _CONVENTIONAL.match(subject)
    return bool(match) and match.group("type") in COMMIT_TYPES


def subject(commit: git.Commit) -> str:
    text = commit.message if isinstance(commit.message, str) else commit.message.decode()
    return text.strip().splitlines()[0] if text.strip() else ""


# --- working tree and index -----------------------------------------------------


def staged_paths(repo: git.Repo) -> set[str]:
    """Paths whose index entry differs from HEAD."""
    try:
        out = repo.git.diff("--cached", "--name-only")
    except Exception:
        return set()
    return set(out.split("\n")) - {""}


def dirty_paths(repo: git.Repo) -> set[str]:
    """Tracked paths changed in the work tree or index (untracked files excluded)."""
    try:
        out = repo.git.status("--porcelain", "--untracked-files=no")
    except Exception:
        return set()
    return {line[3:] for line in out.splitlines() if line.strip()}


# --- merges ---------------------------------------------------------------------


def has_markers(text: str | None) -> bool:
    return bool(text) and _MARKER.search(text) is not None


def files_with_markers(repo: git.Repo, rev: str, paths: Iterable[str]) -> list[str]:
    """Which of ``paths`` hold conflict markers at ``rev``."""
    return [p for p in paths if has_markers(file_at(repo, rev, p))]


def merges_in(repo: git.Repo, base: str, tip: str) -> list[git.Commit]:
    """Merge commits reachable from ``tip`` but not from ``base``."""
    return [c for c in new_commits(repo, base, tip) if len(c.parents) > 1]


def dropped_side(repo: git.Repo, merge: git.Commit) -> bool:
    """Did this merge throw away one side's change? Either it kept its first parent's
    whole tree although the other side changed something (``git merge -s ours``), or a
    file both sides changed differently ends exactly as one side left it (``-X ours``,
    ``-X theirs``, ``git checkout --ours``/``--theirs`` and commit)."""
    if len(merge.parents) < 2:
        return False
    first, other = merge.parents[0], merge.parents[1]
    try:
        base = repo.merge_base(first, other)
    except Exception:
        return False
    if not base or is_ancestor(repo, other.hexsha, first.hexsha):
        return False
    base_sha = base[0].hexsha
    if merge.tree.binsha == first.tree.binsha:
        # Nothing lost when a plain merge gives that same tree (the other side's changes
        # were already there, copied before); a conflict or another tree means it dropped.
        try:
            clean = repo.git.merge_tree("--write-tree", first.hexsha, other.hexsha)
        except Exception:  # conflicts: git exits 1
            return True
        return clean.split("\n")[0].strip() != first.tree.hexsha
    both = paths_changed_between(repo, base_sha, first.hexsha) & paths_changed_between(
        repo, base_sha, other.hexsha
    )
    for path in sorted(both):
        ours, theirs = file_at(repo, first.hexsha, path), file_at(repo, other.hexsha, path)
        if ours != theirs and file_at(repo, merge.hexsha, path) in (ours, theirs):
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
