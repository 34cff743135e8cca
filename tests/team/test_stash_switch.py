"""stash-switch: stash/fix/pop passes; a pop that conflicts is named for its markers.

The wrong answers (the experiment carried onto the fix branch, a forgotten pop, a
dropped stash…) are listed in the exercise's ``exercise.toml`` (tests/harness)."""

from __future__ import annotations

from mergecamp import engine

from tests.team.conftest import bash, messages, solve, start, verdict

FIX_MAX_EPOCHS = (
    "git switch -q -c fix/max-epochs main && "
    "sed -i 's/^\\(  max_epochs:\\) 1$/\\1 10/' configs/default.yaml && "
    "git commit -qam 'fix(config): train for 10 epochs again'"
)


def codes(scene) -> dict[str, str]:
    """Failing step id → its code (quick: no model tests here)."""
    scene.quick = True
    return {s.id: s.code for s in engine.run_check(scene).steps if not s.passed}


def test_fails_at_start_and_solution_passes(workspace):
    scene = start(workspace, "stash-switch")
    assert codes(scene)["fix-committed"] == "no-fix"
    solve(scene)
    assert all(verdict(scene).values()), messages(scene)


def test_a_conflicting_pop_is_named_for_its_markers(workspace):
    scene = start(workspace, "stash-switch")
    bash(
        f"git stash -q && {FIX_MAX_EPOCHS} && git switch -q exp/attention && "
        "sed -i 's/^\\( *hidden_size:\\) 64/\\1 128/' configs/default.yaml && "
        "git commit -qam 'exp(model): wider' && (git stash pop -q || true)",
        scene.root,
    )
    # Mid-way: the markers are in the work tree, the stash is kept (a conflicting pop).
    found = codes(scene)
    assert found["wip-restored"] == "wip-markers"
    assert found["invariant:conflict-markers"] == "conflict-markers"
    bash("git commit -qam 'exp(model): the rest of the work' && git stash drop -q", scene.root)
    found = codes(scene)
    assert found["wip-restored"] == "wip-markers"  # not "the change is not in the work tree"
    assert found["invariant:conflict-markers"] == "conflict-markers"
