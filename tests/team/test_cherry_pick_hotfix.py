"""cherry-pick-hotfix: picking only the fix passes; merging or picking the wrong one fails."""

from __future__ import annotations

from tests.team.conftest import bash, messages, solve, start, verdict


def test_fails_at_start_and_solution_passes(workspace):
    scene = start(workspace, "cherry-pick-hotfix")
    assert verdict(scene)["fix-picked"] is False
    solve(scene)
    assert all(verdict(scene).values()), messages(scene)


def test_merging_the_experiment_fails_nothing_else(workspace):
    scene = start(workspace, "cherry-pick-hotfix")
    bash(
        "git switch -qc hotfix/lr main && git merge -q --no-edit origin/exp/transformer && "
        "git push -q -u origin hotfix/lr",
        scene.root,
    )
    result = verdict(scene)
    assert result["fix-picked"] and not result["nothing-else"]


def test_picking_the_wrong_commit_fails_fix_picked(workspace):
    scene = start(workspace, "cherry-pick-hotfix")
    bash(
        "git switch -qc hotfix/lr main && "
        "git cherry-pick \"$(git log --format=%H --grep='switch to the transformer' -1 "
        'origin/exp/transformer)"',
        scene.root,
    )
    assert verdict(scene)["fix-picked"] is False
