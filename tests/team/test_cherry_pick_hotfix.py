"""cherry-pick-hotfix: picking only the fix passes. The wrong answers (merging or branching
off the experiment, picking the wrong or too many commits, not pushing, pushing to main or
over Sora's branch) are in the exercise's data, proven by tests/harness."""

from __future__ import annotations

from mergecamp import engine

from tests.team.conftest import bash, messages, solve, start, verdict


def steps(scene):
    return {s.id: s for s in engine.run_check(scene).steps}


def test_fails_at_start_and_solution_passes(workspace):
    scene = start(workspace, "cherry-pick-hotfix")
    found = steps(scene)
    assert found["fix-picked"].code == "no-fix"
    assert found["pushed"].code == "not-judged"
    solve(scene)
    assert all(verdict(scene).values()), messages(scene)


def test_the_fixes_shown_after_a_merged_experiment_lead_to_a_pass(workspace):
    scene = start(workspace, "cherry-pick-hotfix")
    bash(
        "git switch -qc hotfix/lr main && git merge -q --no-edit origin/exp/transformer && "
        "git push -q -u origin hotfix/lr",
        scene.root,
    )
    came_along = steps(scene)["nothing-else"]
    assert came_along.code == "experiment-came-along"
    bash(came_along.fix or "false", scene.root)
    differs = steps(scene)["pushed"]
    assert differs.code == "push-differs"  # the branch pushed before still has the experiment
    bash(differs.fix or "false", scene.root)
    assert all(verdict(scene).values()), messages(scene)
