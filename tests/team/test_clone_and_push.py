"""clone-and-push: fails at start, the solution passes. The wrong answers (a README typo
instead of the GRU, a push to main, a bad branch name…) are in the exercise's
`exercise.toml`, proven by tests/harness."""

from __future__ import annotations

from mergecamp import engine

from tests.team.conftest import bash, messages, solve, start


def test_fails_at_start_and_solution_passes(workspace):
    scene = start(workspace, "clone-and-push")
    steps = {s.id: s for s in engine.run_check(scene).steps}
    assert (steps["cloned"].passed, steps["cloned"].code) == (False, "no-clone")
    assert [steps[s].code for s in ("branch", "pushed", "upstream")] == ["not-judged"] * 3
    solve(scene)
    report = engine.run_check(scene)
    assert report.passed, messages(scene)
    assert [s.code for s in report.steps] == ["cloned", "branch-ok", "synced", "upstream"]


def test_graph_draws_the_clone_from_inside_it(workspace):
    """Reproduction: `mergecamp graph` in the clone said "…/clone-and-push is not a git
    repository"; it draws the clone, and the goal from the solution's clone."""
    scene = start(workspace, "clone-and-push")
    solve(scene)
    clone = scene.root / "sequence-lab"
    drawn = bash("mergecamp graph --ascii", clone, check=False)
    assert drawn.returncode == 0, drawn.stderr
    assert f"Your repository: {clone}" in drawn.stdout.replace("\n", "")
    assert "not a git repository" not in drawn.stdout + drawn.stderr


def test_mina_merges_her_pr_once_the_branch_is_up(workspace):
    scene = start(workspace, "clone-and-push")
    solve(scene)
    engine.run_check(scene)  # the learner's clone has no hooks: the check lets Mina act
    clone = scene.root / "sequence-lab"
    log = bash("git fetch -q && git log --format=%an%x09%s origin/main", clone).stdout
    assert "Mina Kang\tMerge pull request #1 from docs/run-an-experiment" in log
    assert engine.run_check(scene).passed, messages(scene)
