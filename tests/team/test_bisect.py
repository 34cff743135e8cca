"""bisect: git bisect run finds the culprit; a wrong tag fails with the right words."""

from __future__ import annotations

from tests.team.conftest import bash, messages, solve, start, verdict


def test_fails_at_start_and_bisect_run_finds_the_culprit(workspace):
    scene = start(workspace, "bisect")
    assert verdict(scene)["tagged"] is False
    solve(scene)
    assert all(verdict(scene).values()), messages(scene)


def test_wrong_commit_fails_with_direction(workspace):
    scene = start(workspace, "bisect")
    bash("git tag culprit v0.1.0", scene.root)
    assert "still pass" in messages(scene)["tagged"]
    bash("git tag -f culprit main", scene.root)
    assert "already fail before" in messages(scene)["tagged"]


def test_bisect_left_running_fails_bisect_done(workspace):
    scene = start(workspace, "bisect")
    bash("git bisect start main v0.1.0", scene.root)
    result = verdict(scene)
    assert not result["bisect-done"]
    assert "in progress" in messages(scene)["bisect-done"]
