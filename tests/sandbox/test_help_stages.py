"""Help that teaches: what is wrong first, the exact command once help is due; every
failing step listed, folded after three; a step that was not judged is not a ✘."""

from __future__ import annotations

import json
from contextlib import chdir
from pathlib import Path

from click.testing import CliRunner
from mergecamp import engine
from mergecamp.cli import main
from mergecamp.cli.app import Context
from mergecamp.cli.checklist import render
from mergecamp.exercise import StepResult
from mergecamp.i18n import Text

from tests.sandbox.conftest import sh

FIX = "git switch exp/swish && git merge main"


def _check(workspace: Path, cwd: Path, *args: str):
    with chdir(cwd):
        return CliRunner().invoke(main, ["--workspace", str(workspace), "check", *args])


def test_the_command_comes_after_the_second_failure(workspace, started) -> None:
    scene = started("merge-conflict")

    first = _check(workspace, scene.root)
    assert first.exit_code == 1
    assert "`exp/swish` has no merge commit with main yet" in first.output
    assert FIX not in first.output
    assert "the exact commands come with `mergecamp hint`" in first.output

    second = _check(workspace, scene.root)
    assert f"try: {FIX}" in second.output
    # ... with the lecture's checkout form beside the switch
    assert "as the lecture writes it: git checkout exp/swish && git merge main" in second.output


def test_a_passing_check_starts_the_count_over(workspace, started) -> None:
    scene = started("merge-conflict")
    _check(workspace, scene.root)
    sh("git merge -q main || true", scene.root)  # now another message, the same step
    _check(workspace, scene.root)
    sh("git merge --abort", scene.root)
    # merged failed twice in a row (different reasons): help is due.
    assert f"try: {FIX}" in _check(workspace, scene.root).output


def test_a_hint_unlocks_the_command_at_once(workspace, started) -> None:
    scene = started("merge-conflict")
    with chdir(scene.root):
        CliRunner().invoke(main, ["--workspace", str(workspace), "hint"])
    result = _check(workspace, scene.root)
    assert f"try: {FIX}" in result.output
    data = json.loads(_check(workspace, scene.root, "--json").output)
    merged = next(s for s in data["steps"] if s["id"] == "merged")
    assert merged["fix"] == FIX and merged["code"] == "no-merge"


def test_steps_that_wait_are_not_judged_and_not_crosses(workspace, started) -> None:
    scene = started("merge-conflict")
    report = engine.run_check(scene)
    by_id = {s.id: s for s in report.steps}
    assert by_id["merged"].judged and not by_id["merged"].passed
    for waiting in ("no-markers", "resolution", "model"):
        assert not by_id[waiting].judged and by_id[waiting].code == "not-judged"
    output = _check(workspace, scene.root).output
    assert "· Keep `activation: swish` and Sora's `dropout: 0.1`" in output
    assert "✘ Keep" not in output
    assert 'it waits for "Merge main into `exp/swish`' in output


def test_every_failing_step_is_listed_and_folded_after_three(tmp_path: Path) -> None:
    from mergecamp import tracks

    exercise = tracks.load("merge-conflict")
    failing = [
        StepResult(s.id, False, Text(en=f"wrong {i}", ko=f"틀렸어요 {i}"))
        for i, s in enumerate(exercise.steps)
    ]
    extra = StepResult("invariant:hooks-intact", False, Text(en="wrong 4", ko="틀렸어요 4"))
    report = engine.CheckReport("merge-conflict", False, [extra, *failing])
    ctx = Context(lang="en", workspace=tmp_path)

    folded = render(ctx, exercise, report, counts={}, hints_shown=0)
    assert folded.count("✘") == 5  # every failing step is named
    assert "wrong 0" in folded and "wrong 1" in folded and "wrong 4" in folded
    assert "wrong 2" not in folded and "wrong 3" not in folded
    assert "2 more failing step(s) folded" in folded

    unfolded = render(ctx, exercise, report, counts={}, hints_shown=0, show_all=True)
    assert all(f"wrong {i}" in unfolded for i in range(5))


def test_messages_from_the_repository_cannot_drive_the_terminal(tmp_path: Path) -> None:
    from mergecamp import tracks

    exercise = tracks.load("merge-conflict")
    step = StepResult("merged", False, Text(en="branch `x\x1b[2J`", ko="브랜치 `x\x1b[2J`"))
    report = engine.CheckReport("merge-conflict", False, [step])
    output = render(
        Context(lang="en", workspace=tmp_path), exercise, report, counts={}, hints_shown=0
    )
    assert "\x1b" not in output and "x␛[2J" in output
