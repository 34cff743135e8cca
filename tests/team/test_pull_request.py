"""pull-request: a teammate reacts to the push, the review asks, the PR merges. The wrong
answers (a push straight to main, no PR, a merge with the review open…) are in the
exercise's `exercise.toml`, proven by tests/harness."""

from __future__ import annotations

from mergecamp import engine

from tests.team.conftest import bash, messages, solve, start


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
