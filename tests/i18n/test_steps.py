"""A step says what to do while it is open and what is done once it passes."""

from __future__ import annotations

from pathlib import Path

import pytest
from mergecamp import tracks
from mergecamp.cli.app import Context
from mergecamp.cli.checklist import label_of

IDS = tracks.available_ids()


@pytest.mark.parametrize("exercise_id", IDS)
def test_every_step_asks_in_the_imperative_and_has_its_done_text(exercise_id: str) -> None:
    for step in tracks.load(exercise_id).steps:
        assert "세요" in step.label.ko, f"{exercise_id}/{step.id}: say what to do: {step.label.ko}"
        assert step.done is not None, f"{exercise_id}/{step.id}: no `done` text"
        assert "세요" not in step.done.ko, f"{exercise_id}/{step.id}: done says what is done"
        assert step.done.ko != step.label.ko  # (an English label may already be a state)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_checklist_shows_the_done_text_once_a_step_passes(lang: str) -> None:
    ctx = Context(lang=lang, workspace=Path("."))  # type: ignore[arg-type]
    exercise = tracks.load("sync-experiment")
    step = next(s for s in exercise.steps if s.id == "has-main")
    assert step.done is not None
    assert label_of(ctx, exercise, "has-main", passed=False) == step.label(lang)
    assert label_of(ctx, exercise, "has-main", passed=True) == step.done(lang)
    if lang == "ko":
        assert label_of(ctx, exercise, "has-main", passed=True).endswith("가져왔어요")


def test_a_passed_step_whose_message_repeats_its_done_text_is_not_echoed() -> None:
    from mergecamp.cli.checklist import render
    from mergecamp.engine import CheckReport
    from mergecamp.exercise import StepResult
    from mergecamp.i18n import Text

    ctx = Context(lang="ko", workspace=Path("."))  # type: ignore[arg-type]
    exercise = tracks.load("experiment-branch")
    done = next(s for s in exercise.steps if s.id == "main-untouched").done
    assert done is not None
    echo = Text(en=f"`{done.en}`", ko=done.ko.replace("main", "`main`"))
    news = Text(en="main is at abc1234", ko="main은 abc1234에 있어요")
    for message, shown in ((echo, False), (news, True)):
        step = StepResult("main-untouched", True, message)
        report = CheckReport(exercise.id, passed=False, steps=[step])
        text = render(ctx, exercise, report, counts={}, hints_shown=0)
        assert (ctx.say(message) in text.split("\n", 2)[-1]) is shown, text
