"""Shared moves for the PR tests: a learner's branch pushed, a teammate's change landed
through a PR, a PR opened with CI off (the CI tests use the real CLI)."""

from __future__ import annotations

import json

from mergecamp.scripting import Clock, set_option
from mergecamp.team import pull_requests
from mergecamp.team.world import CONFIG, JUN_T, MINA_T

from tests.team.conftest import bash

GRU = "sed -i 's/^\\( *arch:\\) lstm/\\1 gru/' configs/default.yaml"
ADDING = "src/sequence_lab/data/adding.py"
BREAK_ADDING = f"sed -i 's/ \\* 2 - 1$//' {ADDING}"
TITLE = "exp(model): try a GRU instead of the LSTM"
BODY = (
    "## What changed\n\nThe encoder is a GRU.\n\n"
    "## Experiment result (for experiment branches)\n\n"
    "val/loss 0.42 → 0.37 (configs/default.yaml, arch: gru)\n"
)
SYNC = "git fetch -q && git merge -q --no-edit origin/main && git push -q"


def without_jun(scene) -> None:
    """pull-request's Jun merges a conflicting PR once the learner's is approved; the PR
    tests script every teammate move themselves, so his event is marked done."""
    from mergecamp.team.teammates import _events_file, fired

    done = [*fired(scene.team_dir), "jun-merges-next-to-yours"]
    _events_file(scene.team_dir).write_text(json.dumps(done), encoding="utf-8")


def push_branch(scene, branch: str, change: str, message: str, sync: bool = True) -> None:
    """On a new ``branch``: ``change``, commit, push, then merge origin/main in."""
    script = f"git switch -qc {branch} && {change} && git commit -qam '{message}' && "
    script += f"git push -q -u origin {branch}"
    bash(script + (f" && {SYNC}" if sync else ""), scene.root)


def open_ids(scene, branch: str, title: str | None = TITLE, body: str | None = BODY) -> list[str]:
    pr = pull_requests.open_pr(
        scene.origin, branch, title, "Test Learner", with_ci=False, body=body
    )
    return [f["id"] for f in pr.findings]


def learner() -> tuple[str, str]:
    return ("Test Learner", "learner@example.com")


def land(scene, option: str, value: str, branch: str, mate=JUN_T, start: int = 1709900000) -> str:
    """A teammate changes one config option on main, through a merged PR."""
    return mate.land(
        scene.team_dir,
        branch,
        lambda path: set_option(path / CONFIG, option, value),
        f"chore(config): {option} {value}",
        Clock(start=start),
    )


__all__ = ["JUN_T", "MINA_T"]
