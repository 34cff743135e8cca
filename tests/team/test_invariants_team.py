"""The engine's invariants in the team track: wrong answers that once passed fail on an
``invariant:<name>`` step (or the exercise's own step) with a stable code, and origin's
branches stay where the team put them unless a PR or a teammate moved them."""

from __future__ import annotations

import pytest
from mergecamp import engine

from tests.sandbox.test_invariants import codes
from tests.sandbox.test_invariants import quick_check as check
from tests.team.conftest import bash, solve, start

FIX_MAX_EPOCHS = (
    "git switch -q -c fix/max-epochs main && "
    "sed -i 's/^\\(  max_epochs:\\) 1$/\\1 10/' configs/default.yaml && "
    "git commit -qam 'fix(config): train for 10 epochs again'"
)


def test_stash_dropped_instead_of_popped_loses_the_work(workspace):
    scene = start(workspace, "stash-switch")
    bash(f"git stash -q && {FIX_MAX_EPOCHS} && git switch -q exp/attention", scene.root)
    assert "invariant:kept-files" not in codes(check(scene))  # parked, not lost
    bash("git stash drop -q", scene.root)
    assert codes(check(scene))["invariant:kept-files"] == "kept-file-lost"


def test_hook_rejected_no_verify_with_a_good_message(workspace):
    scene = start(workspace, "hook-rejected")
    bash(
        'git commit -q --no-verify -m "exp(model): try the swish activation" && '
        "git branch -m exp/swish-activation",
        scene.root,
    )
    report = check(scene)
    assert codes(report) == {"invariant:hooks-intact": "hook-skipped"}
    bash("git commit -q --amend --no-edit", scene.root)  # through the hooks this time
    assert check(scene).passed


def test_force_push_rewrites_origin(workspace):
    scene = start(workspace, "diverged-history")
    bash("git push -q --force origin exp/tuning", scene.root)
    assert codes(check(scene))["invariant:protected-branches"] == "branch-rewritten"


def test_reset_and_force_push_in_revert_pushed(workspace):
    scene = start(workspace, "revert-pushed")
    bash("git reset -q --hard HEAD~2 && git push -q --force origin main", scene.root)
    found = codes(check(scene))
    assert found["invariant:protected-branches"] == "branch-rewritten"


def test_pushing_straight_to_a_protected_origin_branch(workspace):
    scene = start(workspace, "cherry-pick-hotfix")
    # origin refuses this push (test_protection.py); with its hook removed by hand, the
    # invariant still names the move.
    (scene.origin / "hooks" / "pre-receive").unlink()
    bash(
        "git cherry-pick -x \"$(git log --format=%H --grep='^fix(config)' -1 "
        'origin/exp/transformer)" && git push -q origin main',
        scene.root,
    )
    found = codes(check(scene))
    assert found["invariant:protected-branches"] == "protected-branch-moved"


@pytest.mark.slow  # the solution runs CI twice
def test_pull_request_merges_and_teammates_pushes_move_origin_main(workspace):
    scene = start(workspace, "pull-request")
    solve(scene)  # Mina pushes to main, the PR merges into it, the learner pulls
    report = check(scene)
    assert report.passed, codes(report)


def test_squash_and_reflog_solutions_pass_with_scratch_branches(workspace):
    for exercise in ("squash-before-pr", "reflog-rescue"):
        scene = start(workspace, exercise)
        bash("git branch scratch/before", scene.root)
        solve(scene)
        report = check(scene)
        assert report.passed, (exercise, codes(report))


def test_a_commit_written_in_the_editor_went_through_the_hooks(workspace):
    scene = start(workspace, "hook-rejected")
    bash(
        "git branch -m exp/swish-activation && "
        "GIT_EDITOR=\"sed -i '1s/^/exp(model): try the swish activation/'\" git commit -q",
        scene.root,
    )
    report = check(scene)
    assert report.passed, codes(report)


def test_a_teammates_branch_pushed_over_main_is_caught(workspace) -> None:
    """Jun's commits were the team's on exp/tuning; moved onto main by hand they are not."""
    scene = start(workspace, "diverged-history")
    (scene.origin / "hooks" / "pre-receive").unlink()  # the server's refusal taken away
    bash("git fetch -q origin && git push -q --no-verify origin origin/exp/tuning:main", scene.root)
    report = engine.run_check(scene)
    found = {s.id: s.code for s in report.steps if not s.passed}
    assert found.get("invariant:protected-branches") == "protected-branch-moved", found
