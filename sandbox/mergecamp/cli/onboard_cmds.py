"""``mergecamp onboard``, ``mergecamp progress`` and ``mergecamp report``: the tracks in
order for a learner, their saved record, and the instructor's view of a whole class."""

from __future__ import annotations

import os
import re
from pathlib import Path

import click

from mergecamp.cli import onboard_texts as T
from mergecamp.cli.app import Context, main, pass_context
from mergecamp.cli.track_table import MARKS, echo_tracks
from mergecamp.errors import MergecampError


@main.command("onboard")
@click.option("--no-start", is_flag=True, help="Only show where you stand; build nothing.")
@pass_context
def onboard_cmd(ctx: Context, no_start: bool) -> None:
    """The tracks in order, where you stand, and the next exercise (started for you)."""

    rows = echo_tracks(ctx)
    available = [r for r in rows if r.state != "unavailable"]
    passed = sum(r.state == "passed" for r in available)
    click.echo(ctx.say(T.WHERE, passed=passed, total=len(available)))
    upcoming = next((r.exercise_id for r in rows if r.state in ("started", "todo")), None)
    if upcoming is None:
        click.echo(ctx.say(T.ALL_PASSED))
        return
    _start_or_resume(ctx, upcoming, no_start)


def _start_or_resume(ctx: Context, exercise_id: str, no_start: bool) -> None:
    """Point at the existing folder, or build the exercise through ``mergecamp start``."""
    from mergecamp import engine

    exercise = engine.load_exercise(exercise_id)
    title = ctx.say(exercise.title)
    folder = ctx.workspace / exercise_id
    click.echo("")
    if folder.exists():
        click.echo(ctx.say(T.RESUME, id=exercise_id, title=title, path=folder))
        return
    if no_start:
        click.echo(ctx.say(T.WOULD_START, id=exercise_id, title=title))
        return
    click.echo(ctx.say(T.STARTING, id=exercise_id))
    start_cmd = main.get_command(click.get_current_context(), "start")
    if start_cmd is None:  # pragma: no cover - the engine's commands are always registered
        engine.start(exercise_id, ctx.workspace)
        return
    click.get_current_context().invoke(start_cmd, exercise_id=exercise_id, force=False)


@main.command("progress")
@click.option(
    "--export",
    "export_to",
    type=click.Path(path_type=Path),
    help="Write your record to FILE (or into a folder) to hand it in.",
)
@click.option("--name", help="The name your record is handed in under.")
@pass_context
def progress_cmd(ctx: Context, export_to: Path | None, name: str | None) -> None:
    """Your saved progress; --export writes it for your instructor."""
    from mergecamp.progress import schema, standings, store

    path = store.progress_path()
    try:
        if name is not None:
            if not name.strip():
                raise MergecampError(T.BAD_NAME)
            record = store.update(lambda r: r.__setitem__("learner", name.strip()))
            click.echo(ctx.say(T.NAME_SET, name=name.strip()))
        elif path.exists():
            record = store.update(lambda r: None)  # sets an unreadable file aside, loudly
        else:
            record = schema.seal(store.load(path))
    except (OSError, TimeoutError) as err:
        raise MergecampError(T.CANNOT_WRITE.format(path=path, why=err)) from None
    if export_to is not None:
        target = export_to
        if export_to.is_dir() or str(export_to).endswith(("/", os.sep)):
            target = export_to / f"{_slug(record['learner'])}.json"
        try:
            store.write_atomic(target, record)
        except OSError as err:
            raise MergecampError(T.CANNOT_WRITE.format(path=target, why=err.strerror)) from None
        click.echo(ctx.say(T.EXPORTED, path=target.resolve()))
        return
    click.echo(ctx.say(T.PROGRESS_HEAD, name=record["learner"], path=path))
    for row in standings(record):
        if row.state == "unavailable":
            continue
        click.echo(
            ctx.say(
                T.PROGRESS_LINE,
                mark=MARKS[row.state],
                id=row.exercise_id,
                checks=row.checks,
                hints=row.hints,
            )
        )


def _slug(name: str) -> str:
    """A file name for a learner's export: letters (any script), digits, ``-``."""
    slug = re.sub(r"[^\w.-]+", "-", name, flags=re.UNICODE).strip("-.")
    return slug or "learner"


@main.command("report")
@click.argument(
    "paths", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="FILE_OR_DIR..."
)
@click.option("--markdown", "fmt", flag_value="markdown", help="Print Markdown.")
@click.option("--json", "fmt", flag_value="json", help="Print JSON.")
@click.option(
    "--html",
    "html_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write a self-contained HTML page to FILE.",
)
@pass_context
def report_cmd(ctx: Context, paths: tuple[Path, ...], fmt: str | None, html_file: Path | None):
    """The class report from exported records: table, hardest exercises, what is left."""
    from mergecamp.report import build, load_all

    report = build(load_all(list(paths)))
    if html_file is not None:
        from mergecamp.report.render_html import to_html

        try:
            html_file.parent.mkdir(parents=True, exist_ok=True)
            html_file.write_text(to_html(report, ctx.lang), encoding="utf-8")
        except OSError as err:
            raise MergecampError(T.CANNOT_WRITE.format(path=html_file, why=err.strerror)) from None
        click.echo(ctx.say(T.HTML_WRITTEN, path=html_file.resolve()))
    elif fmt == "markdown":
        from mergecamp.report.render_markdown import to_markdown

        click.echo(to_markdown(report, ctx.lang))
    elif fmt == "json":
        from mergecamp.report.render_json import to_json

        click.echo(to_json(report))
    else:
        from mergecamp.report.render_terminal import print_report

        print_report(report, ctx.lang)
    if report.rejected and not report.learners:
        # Every record handed in was unusable: the report says why, the exit code says so too.
        raise SystemExit(1)
