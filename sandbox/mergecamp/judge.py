"""Judging an exercise's steps: the order, the dependencies, the messages.

An exercise's module gives one small function per step, ``def merged(j: Judge) ->
StepResult``, that answers with ``j.ok("message-id", **fields)`` or ``j.fail(…)``. The
runner here does what every exercise used to write by hand:

- steps are judged in the data file's order; a step whose ``after`` steps did not pass
  is *not judged* (and says which step it waits for) instead of showing a ✘;
- a team exercise whose origin cannot be read fails its first step with the reason,
  and the rest wait (the hostile states of the team track);
- a step function that raises on a state nobody foresaw becomes a failing step with
  the reason, never a traceback;
- values shared by several steps are computed once (``j.memo``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mergecamp.exercise import StepResult

if TYPE_CHECKING:
    from mergecamp.exercise import Exercise
    from mergecamp.gitread import GitReader
    from mergecamp.scene import Scene


@dataclass
class Judge:
    """What a step function sees: the scene, the exercise's messages, the start refs."""

    scene: Scene
    exercise: Exercise
    step: str = ""
    _memo: dict[str, Any] = field(default_factory=dict)

    @property
    def repo(self) -> GitReader:
        """The learner's repository."""
        return self.scene.repo

    @property
    def origin(self) -> GitReader:
        """The team's bare origin (team exercises; the runner has checked it is usable)."""
        return self.reader(self.scene.origin)

    def reader(self, path: object) -> GitReader:
        """A reader for another repository of the scene (a clone the learner made), one
        per folder and check, so its steps share one ``cat-file`` process."""
        from mergecamp.gitread import GitReader

        return self.memo(f"reader:{path}", lambda: GitReader(path))  # type: ignore[arg-type]

    def start(self, ref: str) -> str | None:
        """The sha ``ref`` (``refs/heads/main``, ``HEAD``…) had right after setup."""
        from mergecamp.engine import start_ref

        return self.memo(f"start:{ref}", lambda: start_ref(self.scene, ref))

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def ok(self, message_id: str, **fields: object) -> StepResult:
        return self._result(True, message_id, fields)

    def fail(self, message_id: str, **fields: object) -> StepResult:
        return self._result(False, message_id, fields)

    def not_judged(self, message_id: str, **fields: object) -> StepResult:
        """Neither ✔ nor ✘: the step cannot be judged now (say why in the message)."""
        return self._result(False, message_id, fields, judged=False)

    def _result(
        self, passed: bool, message_id: str, fields: Mapping[str, object], judged: bool = True
    ) -> StepResult:
        message = self.exercise.messages[message_id]
        fix = message.fix.format(**fields) if message.fix else None
        text = message.text.format(**fields) if fields else message.text
        return StepResult(self.step, passed, text, code=message_id, fix=fix, judged=judged)


def run_steps(
    exercise: Exercise, checks: Mapping[str, Callable[[Judge], StepResult]], scene: Scene
) -> list[StepResult]:
    judge = Judge(scene, exercise)
    results: dict[str, StepResult] = {}
    first = exercise.steps[0].id if exercise.steps else ""
    origin_problem = _origin_problem(scene) if exercise.team_folder else None
    for step in exercise.steps:
        judge.step = step.id
        if origin_problem is not None:
            results[step.id] = (
                StepResult(step.id, False, origin_problem, code="origin-unusable")
                if step.id == first
                else _waiting(judge, first)
            )
            continue
        waits_for = next((d for d in step.after if not results[d].passed), None)
        if waits_for is not None:
            results[step.id] = _waiting(judge, waits_for)
            continue
        try:
            results[step.id] = checks[step.id](judge)
        except Exception as exc:  # a state the step did not foresee: say so, never crash
            results[step.id] = judge.fail("step-crashed", error=_one_line(exc))
    return list(results.values())


def _waiting(judge: Judge, step_id: str) -> StepResult:
    """Not judged yet: the step waits for ``step_id``, named by its label in each language."""
    label = next((s.label for s in judge.exercise.steps if s.id == step_id), step_id)
    return judge.not_judged("not-judged", step=label)


def _origin_problem(scene: Scene):
    from mergecamp.team import origin as origin_mod

    return origin_mod.problem(scene.origin, scene.root)


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0] if text else ''}"[:200]
