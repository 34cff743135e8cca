"""reflog-rescue: HEAD@{1} brings it back; one commit short or main fails."""

from __future__ import annotations

from tests.team.conftest import bash, messages, solve, start, verdict


def test_fails_at_start_and_solution_passes(workspace):
    scene = start(workspace, "reflog-rescue")
    assert verdict(scene)["restored"] is False
    assert "bidirectional layers" in bash("git reflog", scene.root).stdout
    solve(scene)
    assert all(verdict(scene).values()), messages(scene)


def test_one_commit_short_fails(workspace):
    scene = start(workspace, "reflog-rescue")
    bash("git branch exp/bidirectional 'HEAD@{1}~1'", scene.root)
    assert "newer commit is missing" in messages(scene)["restored"]


def test_branch_at_main_fails(workspace):
    scene = start(workspace, "reflog-rescue")
    bash("git branch exp/bidirectional main", scene.root)
    assert verdict(scene)["restored"] is False
