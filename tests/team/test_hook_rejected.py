"""hook-rejected: real hooks refuse; the fix passes; --no-verify with a bad message fails."""

from __future__ import annotations

from tests.team.conftest import bash, messages, solve, start, verdict


def test_hooks_refuse_and_solution_passes(workspace):
    scene = start(workspace, "hook-rejected")
    assert verdict(scene)["branch"] is False
    refused = bash('git commit -m "changed stuff"', scene.root, check=False)
    assert refused.returncode != 0 and "git branch -m" in refused.stderr
    bash("git branch -m exp/swish-activation", scene.root)
    refused = bash('git commit -m "changed stuff"', scene.root, check=False)
    assert refused.returncode != 0 and "type(scope)" in refused.stderr
    solve(scene)
    assert all(verdict(scene).values()), messages(scene)


def test_no_verify_with_a_bad_message_fails_message(workspace):
    scene = start(workspace, "hook-rejected")
    bash('git branch -m exp/swish && git commit -q --no-verify -m "changed stuff"', scene.root)
    result = verdict(scene)
    assert result["committed"] and not result["message"]


def test_committing_without_renaming_is_blocked(workspace):
    scene = start(workspace, "hook-rejected")
    bash('git commit -q -m "exp(model): swish" || true', scene.root)
    result = verdict(scene)
    assert not result["branch"] and "git branch -m" in messages(scene)["branch"]
