"""The lecture's `git checkout` form beside every suggested `git switch`."""

from __future__ import annotations

import pytest
from mergecamp.checkout_form import checkout_form


@pytest.mark.parametrize(
    ("switch", "checkout"),
    [
        ("git switch main", "git checkout main"),
        ("git switch -c exp/gru main", "git checkout -b exp/gru main"),
        ("git switch --create fix/clip abc1234", "git checkout -b fix/clip abc1234"),
        ("git switch -C exp/gru main", "git checkout -B exp/gru main"),
        ("git switch --detach abc1234", "git checkout abc1234"),
        (
            "git switch main && git reset --hard e33794f",
            "git checkout main && git reset --hard e33794f",
        ),
        ("git stash && git switch exp/swish", "git stash && git checkout exp/swish"),
    ],
)
def test_switch_commands_in_the_lecture_form(switch: str, checkout: str) -> None:
    assert checkout_form(switch) == checkout


def test_a_command_without_switch_has_no_other_form() -> None:
    assert checkout_form("git reset --hard e33794f") is None
    assert checkout_form("git tag -f v0.1.0 abc1234") is None
