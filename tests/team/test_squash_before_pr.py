"""squash-before-pr: a GIT_SEQUENCE_EDITOR rebase passes. The wrong answers (the wip
commits pushed, a wip message, a squash that drops changes…) are in the exercise's
`exercise.toml`, proven by tests/harness."""

from __future__ import annotations

from mergecamp import engine

from tests.team.conftest import messages, solve, start


def test_fails_at_start_and_solution_passes(workspace):
    scene = start(workspace, "squash-before-pr")
    steps = {s.id: s for s in engine.run_check(scene).steps}
    assert (steps["squashed"].passed, steps["squashed"].code) == (False, "not-one-commit")
    solve(scene)
    report = engine.run_check(scene)
    assert report.passed, messages(scene)
    assert [s.code for s in report.steps] == ["squashed", "message-ok", "synced"]
