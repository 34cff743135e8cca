"""squash-before-pr: a GIT_SEQUENCE_EDITOR rebase passes; wip pushed or a wip message fail."""

from __future__ import annotations

from tests.team.conftest import bash, messages, solve, start, verdict


def test_fails_at_start_and_solution_passes(workspace):
    scene = start(workspace, "squash-before-pr")
    assert verdict(scene)["squashed"] is False
    solve(scene)
    assert all(verdict(scene).values()), messages(scene)


def test_pushing_the_wip_commits_fails_squashed(workspace):
    scene = start(workspace, "squash-before-pr")
    bash("git push -q -u origin exp/swish", scene.root)
    assert "4 commits" in messages(scene)["squashed"]


def test_squash_keeping_wip_message_fails_message(workspace):
    scene = start(workspace, "squash-before-pr")
    bash(
        "git reset -q --soft main && git commit -qm wip && git push -q -u origin exp/swish",
        scene.root,
    )
    result = verdict(scene)
    assert result["squashed"] and not result["message"]


def test_squash_that_drops_changes_fails(workspace):
    scene = start(workspace, "squash-before-pr")
    bash(
        "GIT_SEQUENCE_EDITOR=\"sed -i '3,\\$s/^pick/drop/;2s/^pick/fixup/'\" git rebase -qi main",
        scene.root,
    )
    assert "exactly" in messages(scene)["squashed"]
