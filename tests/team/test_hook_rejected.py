"""hook-rejected: the real hooks refuse, with their own lessons; the fix passes.

The wrong answers (no rename, a name without a type, `--no-verify`, hooks removed or
silenced…) are listed in the exercise's ``exercise.toml`` (tests/harness)."""

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
