"""revert-pushed: a revert passes, and so does the fix shown at the start. The wrong answers
(reset and force-push, a force-push put back, an undo by hand, reverting too much, the
revert made in Jun's clone) are in the exercise's data, proven by tests/harness."""

from __future__ import annotations

from mergecamp import engine

from tests.team.conftest import bash, messages, solve, start, verdict


def steps(scene):
    return {s.id: s for s in engine.run_check(scene).steps}


def test_fails_at_start_and_solution_passes(workspace):
    scene = start(workspace, "revert-pushed")
    assert steps(scene)["reverted"].code == "not-reverted"
    solve(scene)
    assert all(verdict(scene).values()), messages(scene)


def test_the_fix_shown_at_the_start_passes(workspace):
    scene = start(workspace, "revert-pushed")
    bash(steps(scene)["reverted"].fix or "false", scene.root)
    assert all(verdict(scene).values()), messages(scene)


def test_a_revert_pushed_from_elsewhere_leaves_main_behind(workspace):
    scene = start(workspace, "revert-pushed")
    bash(
        "git revert --no-edit \"$(git log --format=%H --grep='use relu in the head' -1)\" && "
        "git push -q && git reset -q --hard HEAD~1",
        scene.root,
    )
    found = steps(scene)
    assert found["reverted"].passed and found["in-sync"].code == "main-behind"
    bash(found["in-sync"].fix or "false", scene.root)
    assert all(verdict(scene).values()), messages(scene)
