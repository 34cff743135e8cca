"""revert-pushed: revert passes; reset + force-push and a manual undo fail."""

from __future__ import annotations

from tests.team.conftest import bash, messages, solve, start, verdict


def test_fails_at_start_and_solution_passes(workspace):
    scene = start(workspace, "revert-pushed")
    assert verdict(scene)["reverted"] is False
    solve(scene)
    assert all(verdict(scene).values()), messages(scene)


def test_reset_and_force_push_fails_history_kept(workspace):
    scene = start(workspace, "revert-pushed")
    bash("git reset -q --hard HEAD~2 && git push -q --force", scene.root)
    result = verdict(scene)
    assert not result["history-kept"]
    assert "force-pushed" in messages(scene)["history-kept"]


def test_manual_undo_is_not_a_revert(workspace):
    scene = start(workspace, "revert-pushed")
    bash(
        "sed -i 's/^\\(    activation:\\) relu/\\1 tanh/' configs/default.yaml && "
        "git commit -qam 'fix(model): tanh again' && git push -q",
        scene.root,
    )
    result = verdict(scene)
    assert result["history-kept"] and not result["reverted"]
