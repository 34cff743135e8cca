"""diverged-history: the push is rejected for real and the rebase passes; an unusable
origin fails the first step. The wrong answers (a force-push, a merge, work in Jun's
clone…) are in the exercise's `exercise.toml`, proven by tests/harness."""

from __future__ import annotations

from mergecamp import engine

from tests.team.conftest import bash, messages, solve, start


def codes(scene) -> dict[str, str]:
    return {s.id: s.code for s in engine.run_check(scene).steps}


def test_push_is_rejected_at_start_and_solution_passes(workspace):
    scene = start(workspace, "diverged-history")
    assert codes(scene)["your-change"] == "changes-missing"
    rejected = bash("git push", scene.root, check=False)
    assert rejected.returncode != 0 and "rejected" in rejected.stderr
    solve(scene)
    report = engine.run_check(scene)
    assert report.passed, messages(scene)
    assert [s.code for s in report.steps] == ["jun-kept", "both-changes", "linear", "synced"]


def test_deleted_origin_fails_the_first_step(workspace):
    import shutil

    scene = start(workspace, "diverged-history")
    shutil.rmtree(scene.origin)
    found = codes(scene)
    assert found["team-kept"] == "origin-unusable"
    assert {found[s] for s in ("your-change", "linear", "in-sync")} == {"not-judged"}
