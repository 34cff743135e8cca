"""Who reviews a PR: the project's CODEOWNERS, read at the base branch, decides.

Rules are GitHub's: one pattern and its owners per line, the last matching line wins, a
leading ``/`` anchors at the root, a trailing ``/`` means everything below. Owners are
``@handles`` of the team (``@mina``) or their e-mail addresses. The PR's author never
reviews their own PR; with no owner left, Mina (who leads the team) reviews.
"""

from __future__ import annotations

from fnmatch import fnmatch

from mergecamp.gitread import GitReader
from mergecamp.scripting import JUN, MINA, SORA, Person

TEAM: dict[str, Person] = {"@mina": MINA, "@jun": JUN, "@sora": SORA}
DEFAULT_REVIEWER = MINA
PATHS = (".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS")


def rules(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """(pattern, owners) per active line, in file order."""
    found = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        pattern, *owners = line.split()
        if owners:
            found.append((pattern, tuple(owners)))
    return found


def matches(pattern: str, path: str) -> bool:
    anchored = pattern.startswith("/")
    pattern = pattern.lstrip("/")
    if pattern.endswith("/"):
        pattern += "*"
    if fnmatch(path, pattern):
        return True
    # an unanchored pattern matches at any depth; a folder matches what is below it
    if (
        not anchored
        and "/" not in pattern.rstrip("*")
        and fnmatch(path.rsplit("/", 1)[-1], pattern)
    ):
        return True
    return fnmatch(path, pattern.rstrip("*").rstrip("/") + "/*")


def owners_of(text: str, path: str) -> tuple[str, ...]:
    owners: tuple[str, ...] = ()
    for pattern, who in rules(text):
        if matches(pattern, path):
            owners = who
    return owners


def person(owner: str) -> Person | None:
    if owner in TEAM:
        return TEAM[owner]
    return next((p for p in TEAM.values() if p.email == owner), None)


def reviewer_for(reader: GitReader, base: str, paths: set[str], author: str) -> Person:
    """The teammate who owns most of ``paths`` (CODEOWNERS at ``base``), not the author."""
    text = next((t for p in PATHS if (t := reader.read_text(base, p)) is not None), "")
    votes: dict[str, int] = {}
    for path in paths:
        for owner in owners_of(text, path):
            mate = person(owner)
            if mate is not None and mate.name not in author and mate.email not in author:
                votes[mate.name] = votes.get(mate.name, 0) + 1
    if not votes:
        return DEFAULT_REVIEWER if DEFAULT_REVIEWER.name not in author else JUN
    best = max(sorted(votes), key=lambda name: votes[name])
    return next(p for p in TEAM.values() if p.name == best)
