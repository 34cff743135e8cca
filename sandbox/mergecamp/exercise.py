"""What an exercise is: data (texts in ko/en, steps, hints, solution commands, wrong
answers, what the invariants guard, messages by id) plus ``setup(scene)`` and
``check(scene)``.

Every exercise package in ``mergecamp.exercises`` builds one ``EXERCISE`` of this type
with ``mergecamp.exercise_data.define`` from its ``exercise.toml`` and its step functions
(``check`` is then the step runner, ``mergecamp.judge``); ``mergecamp.tracks`` orders
them. The engine (``mergecamp.engine``) builds the scene and adds the invariants, the CLI
prints the texts, and the tests run ``solution`` and ``wrong_answers`` through bash.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from mergecamp.i18n import Text

if TYPE_CHECKING:
    from mergecamp.exercise_data import Message, WrongAnswer
    from mergecamp.scene import Scene
    from mergecamp.team.teammates import TeamEvent


@dataclass(frozen=True)
class Step:
    """One line of the checklist: a stable id (used in ``--json``) and what it asks."""

    id: str
    label: Text
    # Steps that must pass before this one is judged (the engine marks it "not judged
    # yet" until they do); only earlier steps.
    after: tuple[str, ...] = ()
    # What the checklist says once the step passes ("…을 가져왔어요"); the label says
    # what to do ("…을 가져오세요").
    done: Text | None = None


@dataclass(frozen=True)
class StepResult:
    """The verdict on one step. ``message`` says what mergecamp sees now and, when the
    step fails, the next command worth trying."""

    id: str
    passed: bool
    message: Text
    # A stable message id ("protected-branch-moved", "conflict-markers"…) for failures a
    # test or a tool tells apart without reading the words; "" when the step has none.
    code: str = ""
    # The exact command that fixes it, when one does: the checklist shows it once the
    # learner asked for a hint or the step failed twice, so the learner thinks first.
    fix: str | None = None
    # False when the step could not be judged (it waits for another step, or the model's
    # tests were not run): shown neither ✔ nor ✘.
    judged: bool = True


@dataclass(frozen=True)
class Exercise:
    id: str
    track: str
    level: int
    title: Text
    story: Text  # two or three sentences about the team and its model
    goal: Text  # what "done" looks like
    steps: tuple[Step, ...]
    hints: tuple[Text, ...]
    # Shell commands, one per line, that solve the exercise when run with bash from
    # the folder `start` names, right after `start`. Printed by `solution --commands`.
    solution: tuple[str, ...]
    setup: Callable[[Scene], None]
    check: Callable[[Scene], Sequence[StepResult]]
    # Which model/task the exercise's project is rendered with.
    model: str = "lstm"
    task: str = "adding"
    # Extra folder beside the learner's repo (bare origin, teammates), named in the story.
    team_folder: str | None = None
    tags: tuple[str, ...] = field(default_factory=tuple)
    # The answer is a commit to find (a tag, a restored branch): the goal graph would
    # point at it, so `mergecamp graph` shows the goal only once the exercise has passed.
    goal_reveals_answer: bool = False
    # What the engine's invariants (``mergecamp.invariants``) need to know about the story;
    # the defaults suit an exercise that changes no existing branch and keeps nothing.
    # Ref names (fnmatch globs) the story lets the learner move forward: "refs/heads/x"
    # for the local branch, "refs/remotes/origin/x" for origin's `x` (team exercises).
    # Every other branch that existed after setup stays where it was. A branch listed
    # here may also be deleted once its commits are on another branch (`git branch -d`).
    may_change: tuple[str, ...] = ()
    # Refs the story lets the learner delete even unmerged (`git branch -D` of a failed
    # experiment): their commits may be thrown away.
    may_delete: tuple[str, ...] = ()
    # Refs the story lets the learner rewrite (amend, rebase, reset): implies may_change.
    may_rewrite: tuple[str, ...] = ()
    # (receiving, merged-in) ref pairs: merges the story asks for. The receiving branch
    # keeps its own line as first parent, and the merge keeps both sides' changes.
    merges: tuple[tuple[str, str], ...] = ()
    # Paths whose content at the end of setup (the uncommitted change in them, or the
    # whole file when it has none) the story asks to keep: it must survive somewhere
    # (work tree, index, a branch, a stash).
    keeps: tuple[str, ...] = ()
    # Invariants this exercise opts out of (``mergecamp.invariants.NAMES``); say why.
    invariants_off: tuple[str, ...] = ()
    # Every message its checks print, by id (``exercise.toml`` and the shared library).
    messages: Mapping[str, Message] = field(default_factory=dict)
    # Mistakes a learner would really make, each proven to fail at its step
    # (tests/sandbox/test_wrong_answers.py).
    wrong_answers: tuple[WrongAnswer, ...] = ()
    # Teammates' moves during the exercise (``mergecamp.team.teammates.TeamEvent``),
    # fired from the learner's git commands.
    team_events: tuple[TeamEvent, ...] = ()

    def step(self, step_id: str) -> Step:
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(f"{self.id} has no step {step_id!r}")

    def texts(self) -> list[Text]:
        """Every learner-facing text, for the completeness test."""
        own = [m.text for m in self.messages.values()]
        return [
            self.title,
            self.story,
            self.goal,
            *(s.label for s in self.steps),
            *(s.done for s in self.steps if s.done is not None),
            *self.hints,
            *own,
        ]
