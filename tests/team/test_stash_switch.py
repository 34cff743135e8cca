"""stash-switch: stash/fix/pop passes; carrying the wip or forgetting the pop fails."""

from __future__ import annotations

from tests.team.conftest import bash, messages, solve, start, verdict


def test_fails_at_start_and_solution_passes(workspace):
    scene = start(workspace, "stash-switch")
    assert verdict(scene)["fix-committed"] is False
    solve(scene)
    assert all(verdict(scene).values()), messages(scene)


def test_wip_committed_on_the_fix_branch_fails(workspace):
    scene = start(workspace, "stash-switch")
    bash(
        "git switch -qc fix/max-epochs && sed -i 's/^\\(  max_epochs:\\) 1$/\\1 10/' "
        "configs/default.yaml && git commit -qam 'fix(config): epochs'",
        scene.root,
    )
    assert "came along" in messages(scene)["fix-committed"]


def test_forgetting_the_pop_fails_wip_restored(workspace):
    scene = start(workspace, "stash-switch")
    bash(
        "git stash -q && git switch -qc fix/max-epochs main && "
        "sed -i 's/^\\(  max_epochs:\\) 1$/\\1 10/' configs/default.yaml && "
        "git commit -qam 'fix(config): epochs' && git switch -q exp/attention",
        scene.root,
    )
    result = verdict(scene)
    assert result["fix-committed"] and not result["wip-restored"]
