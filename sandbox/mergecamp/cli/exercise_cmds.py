"""The exercise commands: list, start, check, hint, solution, reset, status, next.

Each is a thin layer over ``mergecamp.engine`` (which tests call directly). Heavy
modules (GitPython, cookiecutter) are imported by the engine only when a command needs
them, so ``mergecamp --help`` stays fast. Questions (replace my work? show the
solution?) are asked only on an interactive terminal; otherwise the command refuses
and names the flag that says yes.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from pathlib import Path

import click

from mergecamp.cli import exercise_texts as T
from mergecamp.cli.app import Context, main, pass_context
from mergecamp.errors import MergecampError
from mergecamp.i18n import Text
from mergecamp.paths import follow_workspace


def _interactive() -> bool:
    """Is there a person at the keyboard to answer a question?"""
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def _record(exercise_id: str, kind: str, *, passed: bool | None = None) -> None:
    """Save a progress event (``record_event`` never raises: progress never breaks a
    command). Imported here so commands that record nothing stay lean."""
    from mergecamp.progress import record_event

    record_event(exercise_id, kind, passed=passed)


def _confirm(
    ctx: Context, question: Text, refusal: Text, exit_code: int = 2, **fields: object
) -> None:
    """Ask on a terminal; refuse (``exit_code``) when nobody can answer."""
    if not _interactive():
        raise MergecampError(refusal.format(**fields), exit_code=exit_code)
    if not click.confirm(ctx.say(question, **fields), default=False):
        raise MergecampError(T.CANCELLED, exit_code=1)


def _scene(ctx: Context, exercise_id: str | None):
    from mergecamp import engine

    scene = engine.locate(ctx.workspace, _cwd(ctx), exercise_id)
    follow_workspace(scene.workspace)
    return scene


def _cwd(ctx: Context) -> Path:
    """The current folder; after a reset replaced it, the same path (``$PWD``) if it is
    there again, else a clear message."""
    try:
        return Path.cwd()
    except FileNotFoundError:
        pwd = os.environ.get("PWD", "")
        if pwd and os.path.isabs(pwd) and Path(pwd).is_dir():
            return Path(pwd)
        raise MergecampError(T.CWD_GONE.format(workspace=ctx.workspace)) from None


@main.command("list")
@pass_context
def list_cmd(ctx: Context) -> None:
    """The exercises by track, with your progress."""
    from mergecamp import engine
    from mergecamp.cli.track_table import echo_tracks

    engine.recover(ctx.workspace)  # an interrupted reset is finished before the table
    echo_tracks(ctx)
    click.echo(ctx.say(T.LIST_FOOTER))


@main.command("start")
@click.argument("exercise_id", metavar="ID")
@click.option("--force", is_flag=True, help="Replace an existing copy of the exercise.")
@pass_context
def start_cmd(ctx: Context, exercise_id: str, force: bool) -> None:
    """Build exercise ID in the workspace and show its story."""
    from mergecamp import engine

    exercise = engine.load_exercise(exercise_id)
    # Refuses (whatever --force says) a folder there that mergecamp did not build.
    if engine.existing(exercise.id, ctx.workspace) and not force:
        target = ctx.workspace / exercise.id
        _confirm(ctx, T.REPLACE_Q, engine.ALREADY, 3, path=target, id=exercise.id)
        force = True
    scene = engine.start(exercise.id, ctx.workspace, force=force)
    _record(exercise.id, "start")
    click.echo(_story(ctx, exercise))
    click.echo("")
    click.echo(ctx.say(T.GO_THERE, path=scene.root))


def _story(ctx: Context, exercise) -> str:
    lines = [f"# {ctx.say(exercise.title)}  ({exercise.id})", "", ctx.say(exercise.story), ""]
    lines += [f"{i}. {ctx.say(step.label)}" for i, step in enumerate(exercise.steps, 1)]
    lines += ["", ctx.say(T.DONE_WHEN) + " " + ctx.say(exercise.goal)]
    return "\n".join(lines)


@main.command("check")
@click.argument("exercise_id", metavar="[ID]", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option("--all", "show_all", is_flag=True, help="Show the message of every failing step.")
@click.option("--from-hook", is_flag=True, hidden=True)
@pass_context
def check_cmd(
    ctx: Context, exercise_id: str | None, as_json: bool, show_all: bool, from_hook: bool
) -> None:
    """Check your work: a checklist with what is still wrong. Exit 0 when all pass."""
    if from_hook:
        _hook_line(ctx)
        return
    from mergecamp import engine, help_stages
    from mergecamp.meta import read_meta

    scene = _scene(ctx, exercise_id)
    report = engine.run_check(scene)
    _record(scene.exercise_id, "check", passed=report.passed)
    meta = read_meta(scene.root)
    counts = help_stages.remember(scene.root, meta, report.steps)
    hints_shown, _bad = _hints_shown(meta)
    if as_json:
        data = engine.check_json(report, ctx.lang, counts, hints_shown)
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        from mergecamp.cli import checklist

        exercise = engine.load_exercise(scene.exercise_id)
        click.echo(
            checklist.render(
                ctx, exercise, report, counts=counts, hints_shown=hints_shown, show_all=show_all
            )
        )
        if report.passed:
            click.echo("\n" + ctx.say(T.ALL_DONE))
            from mergecamp.progress import offer_next

            offer = offer_next(scene.exercise_id)
            if offer is not None:
                click.echo(ctx.say(offer))
    sys.exit(0 if report.passed else 1)


def _hook_line(ctx: Context) -> None:
    """The compact line older exercise repos' hooks ask for (``mergecamp.hook_line``)."""
    from mergecamp import hook_line

    try:
        text = hook_line.line(ctx.lang, ctx.workspace, _cwd(ctx))
    except BaseException:
        return
    if text is not None:
        click.echo(text, err=True)


#: Hints already shown, as ``.git/mergecamp.json`` may say after a hand edit.
MAX_HINTS_SHOWN = 10_000
HINT_COUNT_RESET = Text(
    en="(The hint counter in .git/mergecamp.json was {value}, not a count of hints "
    "shown; starting again from the first hint.)",
    ko="(.git/mergecamp.json에 적힌 힌트 카운터 값을 쓸 수 없어서(지금 값: {value}) "
    "첫 번째 힌트부터 다시 보여 줄게요.)",
)


def _hints_shown(meta: dict | None) -> tuple[int, str | None]:
    """How many hints were shown, and the unusable value when the record held one."""
    value = (meta or {}).get("hints_shown", 0)
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_HINTS_SHOWN:
        return value, None
    from mergecamp import escape

    shown = repr(value)
    return 0, escape.terminal(shown if len(shown) <= 40 else shown[:39] + "…")


@main.command("hint")
@click.argument("exercise_id", metavar="[ID]", required=False)
@pass_context
def hint_cmd(ctx: Context, exercise_id: str | None) -> None:
    """The next hint (one more each time you ask)."""
    from mergecamp import engine
    from mergecamp.meta import read_meta, update_meta

    scene = _scene(ctx, exercise_id)
    exercise = engine.load_exercise(scene.exercise_id)
    shown, bad = _hints_shown(read_meta(scene.root))
    if bad is not None:
        click.echo(ctx.say(HINT_COUNT_RESET, value=bad))
    index = min(shown, len(exercise.hints) - 1)
    update_meta(scene.root, hints_shown=shown + 1)
    _record(exercise.id, "hint")
    click.echo(ctx.say(T.HINT_HEAD, n=index + 1, total=len(exercise.hints)))
    click.echo(ctx.say(exercise.hints[index]))
    if index == len(exercise.hints) - 1:
        click.echo(ctx.say(T.LAST_HINT))


@main.command("solution")
@click.argument("exercise_id", metavar="[ID]", required=False)
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.option(
    "--commands", "commands_only", is_flag=True, help="Print only the shell commands, one per line."
)
@pass_context
def solution_cmd(ctx: Context, exercise_id: str | None, yes: bool, commands_only: bool) -> None:
    """Show the reference solution as git commands."""
    from mergecamp import engine

    if exercise_id is not None:
        exercise = engine.load_exercise(exercise_id)
    else:
        exercise = engine.load_exercise(_scene(ctx, None).exercise_id)
    if not yes and not commands_only:
        _confirm(ctx, T.SOLUTION_Q, T.SOLUTION_REFUSED, id=exercise.id)
    _record(exercise.id, "solution")
    if commands_only:
        click.echo("\n".join(exercise.solution))
        return
    click.echo(ctx.say(T.SOLUTION_HEAD, id=exercise.id))
    for command in exercise.solution:
        click.echo(f"  {command}")


@main.command("reset")
@click.argument("exercise_id", metavar="[ID]", required=False)
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@pass_context
def reset_cmd(ctx: Context, exercise_id: str | None, yes: bool) -> None:
    """Put the exercise back to its start state (your changes there are lost)."""
    from mergecamp import engine

    # Only a folder mergecamp built (its marker), even when its metadata is gone; the
    # workspace is the one the marker names. A copy or a foreign repository is refused.
    scene = engine.locate_built(ctx.workspace, _cwd(ctx), exercise_id)
    follow_workspace(scene.workspace)
    if not yes:
        _confirm(ctx, T.RESET_Q, T.RESET_REFUSED, id=scene.exercise_id, path=scene.root)
    scene = engine.reset(scene)
    _record(scene.exercise_id, "reset")
    click.echo(ctx.say(T.RESET_DONE, id=scene.exercise_id, path=scene.root))
    click.echo(ctx.say(T.CD_AGAIN, path=scene.root))


@main.command("status")
@click.argument("exercise_id", metavar="[ID]", required=False)
@pass_context
def status_cmd(ctx: Context, exercise_id: str | None) -> None:
    """What to do now in the current exercise."""
    from mergecamp import engine

    scene = _scene(ctx, exercise_id)
    exercise = engine.load_exercise(scene.exercise_id)
    scene.quick = True
    report = engine.run_check(scene)
    done = sum(s.passed for s in report.steps)
    click.echo(f"{ctx.say(exercise.title)} ({exercise.id}): {done}/{len(report.steps)}")
    click.echo(ctx.say(T.STATUS_WHERE, path=scene.root))
    from mergecamp import escape
    from mergecamp.cli.checklist import label_of

    if report.state is not None:
        click.echo("! " + escape.terminal_lines(ctx.say(report.state)))
    failure = report.first_failure()
    if failure is None:
        click.echo(ctx.say(T.STATUS_DONE))
    else:
        click.echo(ctx.say(T.STATUS_NOW, step=label_of(ctx, exercise, failure.id)))
        click.echo("  " + escape.terminal_lines(ctx.say(failure.message)))
        click.echo(ctx.say(T.STATUS_MORE))


@main.command("next")
@pass_context
def next_cmd(ctx: Context) -> None:
    """The exercise to do after this one."""
    from mergecamp import engine, tracks

    current = None
    with contextlib.suppress(MergecampError):
        current = _scene(ctx, None).exercise_id
    upcoming = None
    try:
        from mergecamp.progress import next_after, next_unfinished

        upcoming = next_after(current) if current else next_unfinished()
    except Exception:
        available = tracks.available_ids()
        if current in available and available.index(current) + 1 < len(available):
            upcoming = available[available.index(current) + 1]
    if upcoming is None:
        click.echo(ctx.say(T.NEXT_NONE))
        return
    exercise = engine.load_exercise(upcoming)
    click.echo(ctx.say(T.NEXT_IS, id=upcoming, title=ctx.say(exercise.title)))
