"""Check helpers shared by the team exercises: origin's health first, then who did what.

``preflight`` turns a missing, broken or locked origin into failing steps with the
reason (the hostile states of the team track), so an exercise's own checks only run
on a usable origin. ``impostors`` finds commits made in a teammate's clone: their
author is a teammate, but the team never scripted them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from mergecamp.checks import blocked, fail
from mergecamp.exercise import StepResult
from mergecamp.i18n import Text
from mergecamp.team import origin as origin_mod
from mergecamp.team.world import TEAM_EMAILS


def preflight(
    origin: Path | None, step_ids: Sequence[str], learner_repo: Path | None = None
) -> list[StepResult] | None:
    """Failing steps when origin cannot be read, else ``None``."""
    problem = origin_mod.problem(origin, learner_repo)
    if problem is None:
        return None
    return [fail(step_ids[0], problem), *(blocked(s) for s in step_ids[1:])]


def impostors(origin: Path, rev_range: str, scripted: set[str]) -> list[origin_mod.Commit]:
    """Teammate-authored commits in ``rev_range`` that the exercise did not script."""
    return [
        c
        for c in origin_mod.commits(origin, rev_range)
        if c.author_email in TEAM_EMAILS and c.sha not in scripted
    ]


def impostor_text(commit: origin_mod.Commit, mine: Path) -> Text:
    return Text(
        en=(
            'Commit {short} "{subject}" on origin carries {name}\'s name: it was made in '
            "{name}'s clone, not yours. Work in your own clone (`cd {mine}`); "
            "`mergecamp reset` starts over."
        ),
        ko=(
            'origin의 커밋 {short} "{subject}"에 {name}의 이름이 붙어 있어요: 내 클론이 아니라 '
            "{name}의 클론에서 만든 커밋이에요. 내 클론(`cd {mine}`)에서 작업하고, "
            "처음부터 하려면 `mergecamp reset`을 해요."
        ),
    ).format(short=commit.sha[:7], subject=commit.subject, name=commit.author_name, mine=mine)


def scripted_shas(origin: Path) -> set[str]:
    """Every commit the team made at setup (all that origin held right after it)."""
    from mergecamp.team.world import recall

    return set(recall(origin).get("scripted", "").split())


def remember_scripted(origin: Path) -> None:
    """Record origin's commits at the end of setup (and after each team event)."""
    from mergecamp.gitcmd import git
    from mergecamp.team.world import recall, remember

    now = set(git(origin, "rev-list", "--all").split())
    known = set(recall(origin).get("scripted", "").split())
    remember(origin, scripted=" ".join(sorted(now | known)))
