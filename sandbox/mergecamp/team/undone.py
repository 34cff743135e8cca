"""Changes on main that a branch quietly takes back.

A branch that merged main in can still lose main's work: a conflict resolved with
``--ours``, or an old copy of a file pasted over the merge. The branch then "undoes" a
commit main gained since the branch left it. For each such commit (reachable from the
branch's head, not from where the branch first left main), every line it added that
main still has and the branch's head does not is named, with the commit and its author.
"""

from __future__ import annotations

from dataclasses import dataclass

from mergecamp.gitread import Commit, GitReader


@dataclass(frozen=True)
class Undone:
    """One line main gained that the branch's head no longer has."""

    commit: Commit
    path: str
    line: int  # 1-based, in main's copy of the file
    text: str


def branch_point(reader: GitReader, base: str, head: str) -> str | None:
    """Where the branch first left main: down head's first parents, the first commit
    main already contains."""
    for commit in reader.log(head, first_parent=True):
        if reader.is_ancestor(commit.sha, base):
            return commit.sha
    return None


def undone_lines(reader: GitReader, base: str, head: str) -> list[Undone]:
    """Lines main's commits added since the branch point that head drops (oldest first)."""
    start = branch_point(reader, base, head)
    if start is None:
        return []
    own = {c.sha for c in reader.log(f"{base}..{head}")}
    gained = [
        c
        for c in reversed(reader.log(f"{start}..{head}"))
        if c.sha not in own and len(c.parents) == 1
    ]
    found: list[Undone] = []
    texts: dict[tuple[str, str], list[str] | None] = {}

    def lines(rev: str, path: str) -> list[str] | None:
        if (rev, path) not in texts:
            content = reader.read_text(rev, path)
            texts[rev, path] = None if content is None else content.splitlines()
        return texts[rev, path]

    seen: set[tuple[str, str]] = set()
    for commit in gained:
        for path, added in _added_lines(reader, commit).items():
            on_main, on_head = lines(base, path), lines(head, path)
            if on_main is None:
                continue  # main itself dropped the file later: nothing to keep
            for text in added:
                if not text.strip() or (path, text) in seen:
                    continue
                if text in on_main and (on_head is None or text not in on_head):
                    seen.add((path, text))
                    found.append(Undone(commit, path, on_main.index(text) + 1, text))
    return found


def _added_lines(reader: GitReader, commit: Commit) -> dict[str, list[str]]:
    out = reader.run("diff", "--no-color", "--no-ext-diff", "-U0", commit.parents[0], commit.sha)
    added: dict[str, list[str]] = {}
    path = None
    for line in out.splitlines():
        if line.startswith("+++ "):
            path = line[6:] if line.startswith("+++ b/") else None
        elif line.startswith("+") and path is not None:
            added.setdefault(path, []).append(line[1:])
    return added
