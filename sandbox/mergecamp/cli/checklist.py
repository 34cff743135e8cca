"""The checklist `mergecamp check` prints: every step, what is still wrong, in stages.

- ✔ a step that passes, ✘ one that fails, · one not judged yet (it waits for another
  step, or the model's tests were not run): "not judged" is never shown as a failure.
- Every failing step is listed; the messages of the first three are shown, the rest
  are named and folded (``--all`` unfolds them), so one mistake does not bury the others
  and a long list does not bury the first.
- The exact command of a failing step comes only once help is due
  (``mergecamp.help_stages``).

Every message passes through ``escape.terminal_lines``: it may quote branch names or
commit subjects the learner chose.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from mergecamp import escape
from mergecamp.i18n import Text

if TYPE_CHECKING:
    from mergecamp.cli.app import Context
    from mergecamp.engine import CheckReport
    from mergecamp.exercise import Exercise, StepResult

SHOWN_FAILURES = 3

FIX = Text(en="try: {cmd}", ko="이렇게 해 보세요: {cmd}")
FIX_OR_CHECKOUT = Text(
    en="try: {cmd}  (or, as the lecture writes it: {checkout})",
    ko="이렇게 해 보세요: {cmd}  (강의 방식으로는: {checkout})",
)
FOLDED = Text(
    en="… {n} more failing step(s) folded: `mergecamp check --all` shows what is wrong with each",
    ko="… 실패한 단계 {n}개는 접어 뒀어요. "
    "`mergecamp check --all`로 각각 무엇이 문제인지 볼 수 있어요",
)
HELP_LATER = Text(
    en="(the exact commands come with `mergecamp hint`, or when a step fails twice)",
    ko="(정확한 명령은 `mergecamp hint`를 실행하거나 같은 단계가 두 번 실패하면 보여 줘요)",
)


def mark(step: StepResult) -> str:
    from mergecamp.hook_line import mark

    return mark(step.passed, step.judged)


def step_text(exercise: Exercise, step_id: str, passed: bool = False) -> Text | None:
    """What the step asks, or once it passed, what is done (when the data says it); an
    invariant's own label for an ``invariant:…`` step. Shared by the checklist and the
    live view."""
    from mergecamp import invariants

    step = next((s for s in exercise.steps if s.id == step_id), None)
    text = None if step is None else (step.done if passed and step.done else step.label)
    return text or invariants.label(step_id)


def label_of(ctx: Context, exercise: Exercise, step_id: str, passed: bool = False) -> str:
    text = step_text(exercise, step_id, passed)
    return ctx.say(text) if text is not None else step_id


def _fix_line(ctx: Context, fix: str) -> str:
    """The exact command, with the lecture's `git checkout` form beside a `git switch`."""
    from mergecamp.checkout_form import checkout_form

    checkout = checkout_form(fix)
    if checkout is None:
        return ctx.say(FIX, cmd=escape.terminal(fix))
    return ctx.say(FIX_OR_CHECKOUT, cmd=escape.terminal(fix), checkout=escape.terminal(checkout))


def _same_words(a: str, b: str) -> bool:
    """Do two lines say the same words (code marks, spacing, the final period aside)?"""

    def words(text: str) -> str:
        return " ".join(text.replace("`", "").split()).rstrip(".。")

    return words(a) == words(b)


def render(
    ctx: Context,
    exercise: Exercise,
    report: CheckReport,
    *,
    counts: Mapping[str, int],
    hints_shown: int,
    show_all: bool = False,
) -> str:
    from mergecamp.help_stages import fix_shown

    done = sum(s.passed for s in report.steps)
    lines = [f"{ctx.say(exercise.title)} ({exercise.id}): {done}/{len(report.steps)}"]
    if report.state is not None:
        lines.append("! " + escape.terminal_lines(ctx.say(report.state)))
    failures_shown = folded = 0
    held_back = False
    for step in report.steps:
        label = label_of(ctx, exercise, step.id, step.passed)
        lines.append(f"{mark(step)} {label}")
        if step.passed and _same_words(label, ctx.say(step.message)):
            continue  # the done text already says it: no echo underneath
        failing = not step.passed and step.judged
        if failing and not show_all and failures_shown >= SHOWN_FAILURES:
            folded += 1  # named above, its message folded
            continue
        failures_shown += failing
        body = escape.terminal_lines(ctx.say(step.message)).replace("\n", "\n    ")
        lines.append(f"    {body}")
        if fix_shown(step, counts, hints_shown):
            lines.append("    " + _fix_line(ctx, step.fix))
        elif failing and step.fix:
            held_back = True
    if folded:
        lines.append(ctx.say(FOLDED, n=folded))
    if held_back:
        lines.append(ctx.say(HELP_LATER))
    return "\n".join(lines)
