"""Each first-track exercise: fails right after start, passes after its own
`solution --commands`; a message's `fix`, run from the state it names, clears it."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from mergecamp import engine, tracks
from mergecamp.cli import main

from tests.sandbox.conftest import failing, sh

FIRST_TRACK = tracks.TRACKS[0].exercise_ids

# Each `fix` of these exercises is proven from the wrong answer (exercise.toml) that leads
# to it: run there, it clears the step's message. (`mergecamp reset` fixes are the CLI's.)
FIX_CASES = [
    ("stage-and-commit", "commit-without-staging"),
    ("stage-and-commit", "commit-all"),
    ("stage-and-commit", "message-not-conventional"),
    ("stage-and-commit", "fix-the-message-with-a-new-commit"),
    ("stage-and-commit", "notes-in-a-second-commit"),
    ("time-travel", "stay-detached"),
    ("time-travel", "reset-instead-of-checkout"),
    ("experiment-branch", "branch-named-gru"),
    ("experiment-branch", "branch-from-an-older-commit"),
    ("experiment-branch", "git-branch-without-switching"),
    ("experiment-branch", "edit-but-never-commit"),
    ("experiment-branch", "also-raise-the-learning-rate"),
    ("experiment-branch", "commit-a-stray-file-too"),
    ("experiment-branch", "commit-on-main"),
    ("sync-experiment", "rebase-instead-of-merge"),
    ("sync-experiment", "squash-main-in"),
    ("sync-experiment", "cherry-pick-soras-commit"),
    ("sync-experiment", "merge-the-experiment-into-main"),
    ("sync-experiment", "merge-s-ours"),
]


def test_every_first_track_exercise_has_wrong_answers() -> None:
    # Listed in each exercise.toml, proven by tests/harness.
    assert all(tracks.load(eid).wrong_answers for eid in FIRST_TRACK)


@pytest.mark.parametrize("exercise_id", FIRST_TRACK)
def test_fails_at_start_and_solution_passes(exercise_id: str, workspace, started) -> None:
    scene = started(exercise_id)
    before = engine.run_check(scene)
    assert not before.passed
    assert [s.id for s in before.steps] == [s.id for s in tracks.load(exercise_id).steps]

    result = CliRunner().invoke(
        main, ["--workspace", str(workspace), "solution", "--commands", exercise_id]
    )
    assert result.exit_code == 0, result.output
    sh("set -e\n" + result.output, scene.root)

    after = engine.run_check(engine.locate(workspace, scene.root, None))
    assert after.passed, failing(after)


@pytest.mark.parametrize(("exercise_id", "what"), FIX_CASES)
def test_a_fix_works_from_the_state_its_message_names(exercise_id, what, started) -> None:
    wrong = next(w for w in tracks.load(exercise_id).wrong_answers if w.what == what)
    scene = started(exercise_id)
    scene.quick = True
    sh(wrong.run, scene.root, check=False)
    before = next(s for s in engine.run_check(scene).steps if s.id == wrong.step)
    assert before.code == wrong.code and before.fix, before
    sh(before.fix, scene.root)
    after = next(s for s in engine.run_check(scene).steps if s.id == wrong.step)
    # Cleared: the step passes, or (a fix that undoes a merge) it now asks for the next move.
    assert after.passed or after.code != before.code, after
