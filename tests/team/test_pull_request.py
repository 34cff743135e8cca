"""pull-request: a teammate reacts to the push, the review asks, the PR merges. The wrong
answers (a push straight to main, no PR, a merge with the review open…) are in the
exercise's `exercise.toml`, proven by tests/harness."""

from __future__ import annotations

import pytest
from mergecamp import engine

from tests.team.conftest import bash, messages, solve, start


@pytest.mark.slow  # CI runs the project's fast suite twice (about a minute here)
def test_fails_at_start_and_solution_passes(workspace):
    scene = start(workspace, "pull-request")
    steps = {s.id: s for s in engine.run_check(scene).steps}
    assert (steps["pr-opened"].passed, steps["pr-opened"].code) == (False, "no-pr")
    solve(scene)
    report = engine.run_check(scene)
    assert report.passed, messages(scene)
    assert [s.code for s in report.steps] == ["pr-opened", "merged", "team-kept", "synced"]
    log = bash("git log --format=%an%x09%s origin/main", scene.root).stdout
    assert "Mina Kang\tchore(config): train for 15 epochs by default" in log
    assert "Jun Park\tchore(config): 128 hidden units by default" in log


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


def test_jun_merges_next_to_the_approved_pr_and_status_shows_the_conflict(workspace):
    """Live: once the learner's PR is approved, Jun's merged PR makes it conflict, and the
    next `pr status` says so (CI off here: the library, as the PR tests do)."""
    from mergecamp.team import pull_requests
    from mergecamp.team.teammates import tick

    from tests.team.pr_helpers import BODY, GRU, TITLE, push_branch

    scene = start(workspace, "pull-request")
    push_branch(scene, "exp/gru", GRU, TITLE)
    pr = pull_requests.open_pr(scene.origin, "exp/gru", TITLE, "me", with_ci=False, body=BODY)
    assert pr.approved
    assert tick(scene.team_dir, engine.load_exercise("pull-request").team_events) == [
        "jun-merges-next-to-yours"
    ]
    pr = pull_requests.refresh(scene.origin, pr, with_ci=False)
    assert [f["id"] for f in pr.findings] == ["behind-main", "conflict"]
    assert pr.findings[1]["path"] == "configs/default.yaml"
