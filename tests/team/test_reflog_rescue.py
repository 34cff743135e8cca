"""reflog-rescue: HEAD@{1} brings the branch back. The wrong answers (one commit short, the
branch at main, copies of the commits, the work merged into main) are in the exercise's
data, proven by tests/harness."""

from __future__ import annotations

from mergecamp import engine

from tests.team.conftest import bash, messages, solve, start, verdict


def test_fails_at_start_and_solution_passes(workspace):
    scene = start(workspace, "reflog-rescue")
    assert {s.id: s.code for s in engine.run_check(scene).steps}["restored"] == "restored-missing"
    assert "bidirectional layers" in bash("git reflog", scene.root).stdout
    solve(scene)
    assert all(verdict(scene).values()), messages(scene)


def test_the_fix_shown_for_a_short_branch_restores_it(workspace):
    scene = start(workspace, "reflog-rescue")
    bash("git switch -q -c exp/bidirectional 'HEAD@{1}~1'", scene.root)
    short = {s.id: s for s in engine.run_check(scene).steps}["restored"]
    assert short.code == "restored-short" and short.fix
    bash(short.fix, scene.root)
    assert all(verdict(scene).values()), messages(scene)
