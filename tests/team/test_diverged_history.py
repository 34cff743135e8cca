"""diverged-history: rejected push for real, rebase passes, force and merge fail."""

from __future__ import annotations

from tests.team.conftest import bash, messages, solve, start, verdict


def test_push_is_rejected_at_start_and_solution_passes(workspace):
    scene = start(workspace, "diverged-history")
    assert not all(verdict(scene).values())
    rejected = bash("git push", scene.root, check=False)
    assert rejected.returncode != 0 and "rejected" in rejected.stderr
    solve(scene)
    assert all(verdict(scene).values()), messages(scene)


def test_force_push_fails_team_kept(workspace):
    scene = start(workspace, "diverged-history")
    bash("git push --force", scene.root)
    assert verdict(scene)["team-kept"] is False
    assert "force-push" in messages(scene)["team-kept"]


def test_pull_with_merge_fails_linear(workspace):
    scene = start(workspace, "diverged-history")
    bash("git pull --no-rebase --no-edit && git push", scene.root)
    result = verdict(scene)
    assert result["team-kept"] and result["your-change"] and not result["linear"]


def test_work_in_teammates_clone_is_named(workspace):
    scene = start(workspace, "diverged-history")
    bash(
        "cd ../diverged-history-team/jun && git pull -q --rebase && "
        "sed -i 's/^\\(    dropout:\\) 0.0/\\1 0.1/' configs/default.yaml && "
        "git commit -qam 'exp(config): add dropout' && git push -q",
        scene.root,
    )
    assert "Jun Park's clone" in messages(scene)["team-kept"]


def test_deleted_origin_says_so(workspace):
    import shutil

    scene = start(workspace, "diverged-history")
    shutil.rmtree(scene.origin)
    result = messages(scene)
    assert "origin is gone" in result["team-kept"]
