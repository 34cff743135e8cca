"""pull-request: a teammate reacts to the push, the review asks, the PR merges."""

from __future__ import annotations

from tests.team.conftest import bash, messages, solve, start, verdict


def test_fails_at_start_and_solution_passes(workspace):
    scene = start(workspace, "pull-request")
    assert verdict(scene)["pr-opened"] is False
    solve(scene)
    assert all(verdict(scene).values()), messages(scene)
    log = bash("git log --format=%an%x09%s origin/main", scene.root).stdout
    assert "Mina Kang\tchore(config): train for 15 epochs by default" in log


def test_teammate_pushes_right_after_the_first_push(workspace):
    scene = start(workspace, "pull-request")
    before = bash("git ls-remote origin main", scene.root).stdout
    bash(
        "git switch -qc exp/gru && git commit -q --allow-empty -m 'exp: x' && "
        "git push -q -u origin exp/gru",
        scene.root,
    )
    after = bash("git ls-remote origin main", scene.root).stdout
    assert before != after  # the hook fired during the push, not at the next check


def test_push_straight_to_main_fails(workspace):
    scene = start(workspace, "pull-request")
    bash(
        "sed -i 's/^\\(    arch:\\) lstm/\\1 gru/' configs/default.yaml && "
        "git commit -qam 'exp(model): gru' && git push -q origin main",
        scene.root,
    )
    assert "straight to main" in messages(scene)["pr-opened"]


def test_unfixed_review_blocks_merge(workspace):
    scene = start(workspace, "pull-request")
    bash(
        "git switch -qc exp/gru && sed -i 's/^\\(    arch:\\) lstm/\\1 gru/' "
        "configs/default.yaml && "
        "git commit -qam 'gru' && git push -q -u origin exp/gru",
        scene.root,
    )
    opened = bash("mergecamp pr open --title 'gru please'", scene.root, check=False)
    assert opened.returncode == 1
    merged = bash("mergecamp pr merge", scene.root, check=False)
    assert merged.returncode == 1 and "cannot be merged yet" in merged.stderr
    result = verdict(scene)
    assert result["pr-opened"] and not result["merged"]
