"""clone-and-push: fails at start, the solution passes. The wrong answers (a README typo
instead of the GRU, a push to main, a bad branch name…) are in the exercise's
`exercise.toml`, proven by tests/harness."""

from __future__ import annotations

from mergecamp import engine

from tests.team.conftest import messages, solve, start


def test_fails_at_start_and_solution_passes(workspace):
    scene = start(workspace, "clone-and-push")
    steps = {s.id: s for s in engine.run_check(scene).steps}
    assert (steps["cloned"].passed, steps["cloned"].code) == (False, "no-clone")
    assert [steps[s].code for s in ("branch", "pushed", "upstream")] == ["not-judged"] * 3
    solve(scene)
    report = engine.run_check(scene)
    assert report.passed, messages(scene)
    assert [s.code for s in report.steps] == ["cloned", "branch-ok", "synced", "upstream"]
