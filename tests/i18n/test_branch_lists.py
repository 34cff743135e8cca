"""A missing branch's message separates the branch HEAD is on from the other branches."""

from __future__ import annotations

from mergecamp import predicates
from mergecamp.exercise_data import library


class _Repo:
    def __init__(self, here: str | None, branches: list[str]) -> None:
        self._here, self._branches = here, branches

    def head_branch(self) -> str | None:
        return self._here

    def branches(self) -> list[str]:
        return self._branches


def _missing(here: str | None, branches: list[str]) -> tuple[str, str]:
    text = library()["branch-missing"].text
    done = text.format(b="exp/gru", **predicates._branches_now(_Repo(here, branches)))
    return done("ko"), done("en")


def test_the_current_branch_is_named_apart_from_the_others() -> None:
    ko, en = _missing("exp-gru", ["exp-gru", "main"])
    assert ko == "`exp/gru` 브랜치가 없어요(지금 브랜치: exp-gru, 다른 브랜치: main)"
    assert en == "there is no branch `exp/gru` (you are on exp-gru, other branches: main)"


def test_a_detached_head_is_said_in_each_language() -> None:
    ko, en = _missing(None, ["main"])
    assert "지금 브랜치: 분리된 HEAD, 다른 브랜치: main" in ko
    assert "you are on a detached HEAD, other branches: main" in en


def test_no_other_branch_reads_as_a_dash() -> None:
    ko, _ = _missing("main", ["main"])
    assert ko.endswith("(지금 브랜치: main, 다른 브랜치: -)")
