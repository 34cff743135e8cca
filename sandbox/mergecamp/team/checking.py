"""Check helpers shared by the team exercises: who did what on origin.

``impostors`` finds commits made in a teammate's clone: their author is a teammate, but
the team never scripted them. (An unusable origin is the step runner's business:
``mergecamp.judge``.)
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from mergecamp.team.world import TEAM_EMAILS

if TYPE_CHECKING:
    from mergecamp.gitread import Commit, GitReader


def impostors(origin: GitReader, rev_range: str, scripted: set[str]) -> list[Commit]:
    """Teammate-authored commits in ``rev_range`` that the exercise did not script."""
    return [
        c for c in origin.log(rev_range) if c.author_email in TEAM_EMAILS and c.sha not in scripted
    ]


def scripted_shas(origin: Path) -> set[str]:
    """Every commit the team made at setup (all that origin held right after it)."""
    from mergecamp.team.world import recall

    return set(recall(origin).get("scripted", "").split())


def remember_scripted(origin: Path) -> None:
    """Record origin's commits at the end of setup (and after each team event)."""
    from mergecamp.gitcmd import git

    add_scripted(origin, git(origin, "rev-list", "--all").split())


def add_scripted(origin: Path, shas: Iterable[str], **facts: str) -> None:
    """Count ``shas`` as the team's own (a teammate's push, a PR mergecamp merged), and
    remember the exercise's other ``facts`` with them."""
    from mergecamp.team.world import remember

    remember(origin, **facts, scripted=" ".join(sorted(scripted_shas(origin) | set(shas))))
