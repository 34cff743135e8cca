"""An exercise as data: ``exercise.toml`` in the exercise's folder, beside its module.

The data file holds everything that is not code, in English and Korean side by side:
title, story, goal, the steps (stable ids, and the steps each one waits for), hints,
the solution commands, the wrong answers the harness proves, the refs and files the
invariants guard, and every message the checks print, keyed by id. The module keeps
only ``setup`` and one small function per step; :func:`define` joins the two into an
``Exercise``. TOML because the standard library reads it (``tomllib``) in about a
millisecond: a check runs after every git command.

Shape (see docs/adding-an-exercise.md for a whole example)::

    title = { en = "…", ko = "…" }
    story = { en = "…", ko = "…" }
    goal  = { en = "…", ko = "…" }
    solution = ["git merge main || true", "…"]
    may_change = ["refs/heads/exp/swish"]          # and may_rewrite, merges, keeps, …
    [[steps]]
    id = "merged"
    after = []                                     # step ids this one waits for
    en = "…"                                       # what to do
    ko = "…"
    done = { en = "…", ko = "…" }                  # what is done, once it passes
    [[hints]]
    en = "…"
    ko = "…"
    [messages.no-merge]                            # what a step says, by id
    en = "`{b}` has no merge commit with main yet"
    ko = "…"
    fix = "git merge main"                         # the exact command, shown in stages
    [[wrong]]                                      # proven by tests/sandbox/test_wrong_answers.py
    run = "git merge -s ours --no-edit main"
    step = "resolution"
    code = "ours-dropped-side"
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mergecamp import toml_cache
from mergecamp.i18n import Text

if TYPE_CHECKING:
    from mergecamp.exercise import Exercise, StepResult
    from mergecamp.judge import Judge
    from mergecamp.scene import Scene

DATA_FILE = "exercise.toml"
LIBRARY_FILE = Path(__file__).resolve().parent / "exercises" / "_messages.toml"


class DataError(ValueError):
    """An exercise's data file is malformed: a bug in mergecamp, caught by the tests."""


@dataclass(frozen=True)
class Message:
    """What a step says, in both languages, and the exact command that fixes it (if
    one does), which the checklist shows only once the learner asked for a hint or the
    step failed twice: first the learner should think."""

    id: str
    text: Text
    fix: str | None = None


@dataclass(frozen=True)
class WrongAnswer:
    """A mistake a learner would really make, and where it must be caught."""

    run: str  # bash, run from the exercise folder right after `start`
    step: str  # the step id (or ``invariant:<name>``) that must fail
    code: str  # the message id that step must carry
    what: str = ""  # a few words for the test's name


def text(value: Any, where: str) -> Text:
    if not isinstance(value, Mapping) or not isinstance(value.get("en"), str):
        raise DataError(f"{where}: expected {{ en = …, ko = … }}")
    try:
        return Text(en=value["en"].strip(), ko=str(value.get("ko", "")).strip())
    except ValueError as exc:
        raise DataError(f"{where}: {exc}") from None


def messages(table: Mapping[str, Any], where: str) -> dict[str, Message]:
    out: dict[str, Message] = {}
    for msg_id, value in table.items():
        fix = value.get("fix") if isinstance(value, Mapping) else None
        if fix is not None and not isinstance(fix, str):
            raise DataError(f"{where}.messages.{msg_id}.fix: expected a string")
        out[msg_id] = Message(msg_id, text(value, f"{where}.messages.{msg_id}"), fix)
    return out


_LIBRARY: dict[str, Message] | None = None


def library() -> dict[str, Message]:
    """The messages shared by every exercise (``exercises/_messages.toml``): those of
    the predicates (``mergecamp.predicates``) and of the step runner."""
    global _LIBRARY
    if _LIBRARY is None:
        _LIBRARY = messages(toml_cache.load(LIBRARY_FILE), LIBRARY_FILE.name)
    return _LIBRARY


def read(folder: Path) -> dict[str, Any]:
    path = folder / DATA_FILE
    try:
        return toml_cache.load(path)
    except (OSError, ValueError) as exc:  # ValueError: tomllib.TOMLDecodeError
        raise DataError(f"{path}: {exc}") from None


StepCheck = Callable[["Judge"], "StepResult"]


def define(
    module_file: str,
    *,
    setup: Callable[[Scene], None],
    steps: Mapping[str, StepCheck],
    **extra: Any,
) -> Exercise:
    """The ``Exercise`` whose data is ``exercise.toml`` beside ``module_file``; ``steps``
    maps every step id of the data to the function that judges it. ``extra`` passes
    Python-only fields (e.g. ``team_events``)."""
    from mergecamp import tracks
    from mergecamp.exercise import Exercise, Step
    from mergecamp.judge import run_steps

    folder = Path(module_file).resolve().parent
    data = read(folder)
    exercise_id = folder.name.replace("_", "-")
    where = f"{exercise_id}/{DATA_FILE}"
    step_list = []
    for i, raw in enumerate(data.get("steps", [])):
        step_list.append(
            Step(
                id=raw["id"],
                label=text(raw, f"{where} steps[{i}]"),
                after=tuple(raw.get("after", ())),
                done=text(raw["done"], f"{where} steps[{i}].done") if "done" in raw else None,
            )
        )
    known = {s.id for s in step_list}
    if set(steps) != known:
        raise DataError(f"{where}: steps {sorted(known)} but checks for {sorted(steps)}")
    for step in step_list:
        if not set(step.after) <= {s.id for s in step_list[: step_list.index(step)]}:
            raise DataError(f"{where}: step {step.id} waits for a step that is not before it")
    own = messages(data.get("messages", {}), where)
    wrong = tuple(
        WrongAnswer(run=w["run"], step=w["step"], code=w["code"], what=w.get("what", w["code"]))
        for w in data.get("wrong", [])
    )
    fields = {
        key: tuple(tuple(v) if isinstance(v, list) else v for v in data[key])
        for key in ("may_change", "may_delete", "may_rewrite", "merges", "keeps", "invariants_off")
        if key in data
    }
    placement = tracks.placement(exercise_id)
    checks = dict(steps)
    exercise = Exercise(
        id=exercise_id,
        track=placement.track,
        level=placement.level,
        title=text(data.get("title"), f"{where} title"),
        story=text(data.get("story"), f"{where} story"),
        goal=text(data.get("goal"), f"{where} goal"),
        steps=tuple(step_list),
        hints=tuple(text(h, f"{where} hints") for h in data.get("hints", [])),
        solution=tuple(data.get("solution", ())),
        setup=setup,
        check=lambda scene: run_steps(exercise, checks, scene),
        model=data.get("model", "lstm"),
        task=data.get("task", "adding"),
        team_folder=data.get("team_folder"),
        tags=tuple(data.get("tags", ())),
        goal_reveals_answer=bool(data.get("goal_reveals_answer", False)),
        messages={**library(), **own},
        wrong_answers=wrong,
        **fields,
        **extra,
    )
    return exercise
