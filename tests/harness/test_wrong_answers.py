"""The wrong-answer harness: every exercise refuses the mistakes a learner would really make.

Two kinds of wrong answer, each run from the exercise folder right after `start`:

- those each exercise lists in its ``exercise.toml`` (``[[wrong]]``: the commands, the
  step that must fail and the message id it must carry);
- generic mutations (``mutations.py``), applied to every exercise where they make sense
  without being listed: a mirror-image merge, ``-s ours`` / ``-X ours`` / ``-X theirs``,
  moving a protected branch, committed conflict markers, duplicate YAML keys, deleted
  hooks, and in the team track a force-push and a push straight to main (refused by
  origin's protection hook where main is protected: then the refusal and an unmoved
  main are asserted, since a refused push leaves nothing for a step to judge).

Each must fail at its step with its message id: ids, never English phrases. The
reference solutions passing is proven beside each exercise's own tests.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from mergecamp import engine, tracks
from mergecamp.exercise_data import WrongAnswer
from mergecamp.gitread import GitReader
from mergecamp.team import protection

from tests.harness.mutations import MUTATIONS, Mutation


def _listed() -> list[tuple[str, WrongAnswer]]:
    return [(eid, w) for eid in tracks.all_ids() for w in tracks.load(eid).wrong_answers]


def _generic() -> list[tuple[str, Mutation]]:
    return [(eid, m) for eid in tracks.all_ids() for m in MUTATIONS if m.applies(tracks.load(eid))]


def _run(script: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The learner's commands; a failing command (a conflict) is part of the story."""
    return subprocess.run(
        ["bash", "-c", script], cwd=cwd, capture_output=True, text=True, env=dict(os.environ)
    )


def _verdict(scene, step: str) -> engine.CheckReport:
    # The model's tests run only when the wrong answer is caught there (they are slow).
    scene.quick = step != "model"
    return engine.run_check(scene)


def _assert_caught(report: engine.CheckReport, step: str, code: str, ran) -> None:
    found = {s.id: s for s in report.steps}
    summary = "\n".join(
        f"  {s.id}: {'✔' if s.passed else '✘'} {s.code} {s.message.en}" for s in report.steps
    )
    context = f"after:\n{ran.args[-1]}\n{ran.stdout}{ran.stderr}\nsteps:\n{summary}"
    assert not report.passed, "a wrong answer passed\n" + context
    assert step in found, f"no step {step}\n" + context
    assert not found[step].passed, f"{step} passed\n" + context
    assert found[step].code == code, (
        f"{step} failed with {found[step].code}, not {code}\n" + context
    )


@pytest.mark.parametrize(
    ("exercise_id", "wrong"), _listed(), ids=[f"{e}:{w.what}" for e, w in _listed()]
)
def test_a_listed_wrong_answer_fails_at_its_step(workspace, exercise_id, wrong) -> None:
    scene = engine.start(exercise_id, workspace)
    ran = _run(wrong.run, scene.root)
    _assert_caught(_verdict(scene, wrong.step), wrong.step, wrong.code, ran)


@pytest.mark.parametrize(
    ("exercise_id", "mutation"), _generic(), ids=[f"{e}:{m.name}" for e, m in _generic()]
)
def test_a_generic_mutation_fails_at_its_step(workspace, exercise_id, mutation) -> None:
    exercise = tracks.load(exercise_id)
    scene = engine.start(exercise_id, workspace)
    guarded = scene.origin is not None and "main" in protection.protected(scene.origin)
    before = GitReader(scene.origin).ref("refs/heads/main") if guarded else None
    ran = _run(mutation.script(exercise), scene.root)
    if mutation.refused_by_server and guarded:
        assert ran.returncode != 0 and "is protected on origin" in ran.stderr, ran.stderr
        assert GitReader(scene.origin).ref("refs/heads/main") == before
        return
    _assert_caught(_verdict(scene, mutation.step), mutation.step, mutation.code, ran)


def test_every_exercise_lists_four_wrong_answers() -> None:
    few = {
        eid: len(tracks.load(eid).wrong_answers)
        for eid in tracks.all_ids()
        if len(tracks.load(eid).wrong_answers) < 4
    }
    assert not few, f"exercises with fewer than four listed wrong answers: {few}"


def test_a_wrong_answer_names_a_step_and_a_message_the_exercise_has() -> None:
    from mergecamp import invariants

    for eid, wrong in _listed():
        exercise = tracks.load(eid)
        steps = {s.id for s in exercise.steps} | {invariants.PREFIX + n for n in invariants.NAMES}
        assert wrong.step in steps, (eid, wrong.step)
        assert wrong.code in exercise.messages or wrong.step.startswith(invariants.PREFIX), (
            eid,
            wrong.code,
        )
