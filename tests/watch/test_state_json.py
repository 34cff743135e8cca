"""``GET /state.json`` and ``check --json`` say the same: at the start of every exercise,
and after the reference solution of one exercise per kind (first track, team track, a
commit to find)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from mergecamp import engine, tracks
from mergecamp.cli import main
from mergecamp.cli import onboard_texts as T
from mergecamp.watch.state import GoalGraph, build_state

from tests.team.conftest import solve


def _check_json(workspace: Path, exercise_id: str, lang: str = "en") -> dict:
    result = CliRunner().invoke(main, ["--lang", lang, "check", exercise_id, "--json"])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def _state(workspace: Path, exercise_id: str, lang: str = "en", goal=None) -> dict:
    scene = engine.locate(workspace, workspace, exercise_id)
    return build_state(scene, lang, quick=False, goal=goal)


@pytest.mark.slow  # about 6 s: every exercise is built
def test_state_matches_check_json_at_the_start_of_every_exercise(workspace: Path) -> None:
    for exercise_id in tracks.available_ids():
        engine.start(exercise_id, workspace)
        expected = _check_json(workspace, exercise_id)
        state = _state(workspace, exercise_id)
        assert state["check"] == expected, exercise_id
        assert state["graphs"][0]["id"] == "mine"
        assert set(state["labels"]) == {s["id"] for s in expected["steps"]}
        team = tracks.load(exercise_id).team_folder is not None
        assert (state["prs"] is not None) == team, exercise_id
        assert any(g["id"] == "origin" for g in state["graphs"]) == team, exercise_id


def test_state_speaks_korean_like_the_cli(workspace: Path) -> None:
    engine.start("experiment-branch", workspace)
    state = _state(workspace, "experiment-branch", "ko")
    assert state["check"] == _check_json(workspace, "experiment-branch", "ko")
    assert state["ui"]["checklist"] == "체크리스트"
    assert state["texts"]["title"] == tracks.load("experiment-branch").title.ko
    # A passed step reads as done (main untouched at the start), a pending one as a to-do.
    steps = {s.id: s for s in tracks.load("experiment-branch").steps}
    assert state["labels"]["main-untouched"] == steps["main-untouched"].done.ko
    assert state["labels"]["branch"] == steps["branch"].label.ko


@pytest.mark.slow
@pytest.mark.parametrize("exercise_id", ["experiment-branch", "clone-and-push", "time-travel"])
def test_state_matches_check_json_after_the_solution(workspace: Path, exercise_id: str) -> None:
    scene = engine.start(exercise_id, workspace)
    goal = GoalGraph(exercise_id, workspace)  # never started: only whether it is shown
    hidden_before = _state(workspace, exercise_id, goal=goal)["graphs"][1]
    solve(scene)
    expected = _check_json(workspace, exercise_id)
    assert expected["passed"], expected
    state = _state(workspace, exercise_id, goal=goal)
    assert state["check"] == expected
    mine = state["graphs"][0]["layout"]
    assert mine["new_shas"] or exercise_id == "time-travel"  # time-travel only adds a tag
    if tracks.load(exercise_id).goal_reveals_answer:
        # A commit to find: the goal is hidden until the check passes, then shown.
        assert hidden_before["note"] == T.GOAL_HIDDEN.en
        assert state["graphs"][1]["note"] != T.GOAL_HIDDEN.en
    else:
        assert hidden_before["note"] != T.GOAL_HIDDEN.en


def test_team_state_lists_pull_requests_with_their_review(workspace: Path) -> None:
    from mergecamp.i18n import Text
    from mergecamp.team.pull_requests import PullRequest, load_all, save_all
    from mergecamp.team.review import Finding

    scene = engine.start("clone-and-push", workspace)
    assert scene.origin is not None
    needs_work = Finding("behind-main", Text(en="merge origin/main first", ko="먼저 머지하세요"))
    save_all(
        scene.origin,
        [
            PullRequest(1, "exp/gru", "main", "exp: GRU", "Test Learner"),
            PullRequest(2, "exp/lr", "main", "exp: lr", "Jun", findings=[needs_work.to_json()]),
            PullRequest(3, "fix/x", "main", "fix: x", "Mina", state="merged"),
        ],
    )
    prs = _state(workspace, "clone-and-push", "ko")["prs"]
    records = load_all(scene.origin)
    assert [(p["number"], p["state"], p["approved"]) for p in prs] == [
        (r.number, r.state, r.approved) for r in records
    ]
    assert [p["state"] for p in prs] == ["open", "open", "merged"]
    assert not prs[1]["approved"]
    assert prs[1]["findings"] == ["먼저 머지하세요"]
    origin = next(g for g in _state(workspace, "clone-and-push")["graphs"] if g["id"] == "origin")
    assert 'data-ref="main"' in origin["svg"] and "head-marker" not in origin["svg"]
    assert origin["layout"]["head_sha"] is None and not origin["layout"]["new_shas"]
