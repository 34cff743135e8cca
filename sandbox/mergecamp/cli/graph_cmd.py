"""``mergecamp graph [ID] [--html FILE]``: the commit graph of the exercise beside its goal.

Both the terminal drawing and the page come from ``mergecamp.graph.layout``. Outside an
exercise, inside any git repository, it still draws that repository (without a goal).
"""

from __future__ import annotations

from pathlib import Path

import click

from mergecamp import escape
from mergecamp.cli import onboard_texts as T
from mergecamp.cli.app import Context, main, pass_context
from mergecamp.errors import MergecampError
from mergecamp.i18n import Text


@main.command("graph")
@click.argument("exercise_id", metavar="[ID]", required=False)
@click.option(
    "--html",
    "html_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write a self-contained HTML page with the graphs as SVG.",
)
@click.option("--no-goal", is_flag=True, help="Leave out the goal graph.")
@click.option("--ascii", "ascii_only", is_flag=True, help="Draw with ASCII characters only.")
@click.option(
    "--limit",
    type=click.IntRange(1, 5000),
    default=400,
    show_default=True,
    help="Draw at most this many commits.",
)
@pass_context
def graph_cmd(
    ctx: Context,
    exercise_id: str | None,
    html_file: Path | None,
    no_goal: bool,
    ascii_only: bool,
    limit: int,
) -> None:
    """The commit graph of the exercise (branches, tags, HEAD, your new commits) and its goal."""
    from mergecamp.graph.source import repo_layout

    repo, exercise = _find(ctx, exercise_id)
    mine = repo_layout(repo, limit=limit)
    goal, goal_note = (None, None) if no_goal else _goal(ctx, exercise)
    if html_file is not None:
        _write_page(ctx, html_file, repo, exercise, mine, goal, goal_note)
        return
    _print_terminal(ctx, repo, exercise, mine, goal, goal_note, ascii_only)


def _find(ctx: Context, exercise_id: str | None) -> tuple[Path, str | None]:
    """The repository to draw and its exercise id (None for a plain repository)."""
    from mergecamp import engine
    from mergecamp.graph.history import git

    try:
        scene = engine.locate(ctx.workspace, Path.cwd(), exercise_id)
        return _learner_repo(scene.root), scene.exercise_id
    except MergecampError:
        if exercise_id is not None:
            raise
        top = git(Path.cwd(), "rev-parse", "--show-toplevel").strip()
        return Path(top), None


def _learner_repo(root: Path) -> Path:
    """The exercise folder, or where it is no repository (clone-and-push starts empty)
    the clone the learner made in it: the one around the current folder, else the only
    one there."""
    if (root / ".git").exists():
        return root
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if folder == root:
            break
        if (folder / ".git").exists() and root in folder.parents:
            return folder
    clones = [p for p in sorted(root.iterdir()) if (p / ".git").exists()] if root.is_dir() else []
    return clones[0] if len(clones) == 1 else root


def _goal(ctx: Context, exercise: str | None):
    """The goal's layout, or a note saying why there is none (never fails the command)."""
    if exercise is None:
        return None, T.NOT_AN_EXERCISE
    if _answer_still_hidden(exercise):
        return None, T.GOAL_HIDDEN
    from mergecamp.graph.goal import goal_repo
    from mergecamp.graph.source import repo_layout

    try:
        return repo_layout(_learner_repo(goal_repo(exercise, ctx.workspace))), None
    except MergecampError as err:
        return None, err.text
    except Exception as err:  # a broken solution must not hide the learner's own graph
        return None, Text(en=f"{type(err).__name__}: {err}", ko=f"{type(err).__name__}: {err}")


def _answer_still_hidden(exercise: str) -> bool:
    """True while the goal graph would give away the answer the learner is looking for."""
    from mergecamp.graph.goal import answer_still_hidden  # shared with `mergecamp watch`

    return answer_still_hidden(exercise)


def _status_lines(ctx: Context, repo: Path, layout) -> list[str]:
    """What is unusual about the repository (mid-merge, detached HEAD…), then the legend."""
    from mergecamp.graph.history import git_dir
    from mergecamp.state import read_state

    lines = []
    if not layout.nodes:
        lines.append(ctx.say(T.NO_COMMITS))
    try:
        described = read_state(git_dir(repo)).describe()
    except Exception:
        described = None
    if described is not None:
        lines.append(ctx.say(described))
    if described is None and layout.head_sha and layout.head_branch is None:
        lines.append(ctx.say(T.DETACHED, sha=layout.head_sha[:7]))
    if layout.new_shas:
        lines.append(ctx.say(T.NEW_COMMITS, count=len(layout.new_shas)))
    return lines


def _print_terminal(ctx, repo, exercise, mine, goal, goal_note, ascii_only) -> None:
    from rich.console import Console, Group
    from rich.table import Table
    from rich.text import Text as RichText

    from mergecamp.graph.text import draw

    console = Console(highlight=False)
    left = Group(
        RichText(escape.terminal(ctx.say(T.YOUR_REPO, path=repo)), style="bold"),
        *(
            RichText(escape.terminal(line), style="yellow")
            for line in _status_lines(ctx, repo, mine)
        ),
        *draw(mine, ascii_only=ascii_only, colour=console.is_terminal),
    )
    if goal is None:
        console.print(left)
        if goal_note is not None:
            why = ctx.say(T.GOAL_UNAVAILABLE, why=ctx.say(goal_note))
            console.print(RichText(escape.terminal(why), style="dim"))
        return
    right = Group(
        RichText(ctx.say(T.GOAL_OF, id=exercise), style="bold"),
        *draw(goal, ascii_only=ascii_only, colour=console.is_terminal),
    )
    need = _width(left, console) + _width(right, console) + 4
    if console.is_terminal and console.width >= need:
        grid = Table.grid(padding=(0, 4))
        grid.add_row(left, right)
        console.print(grid)
    else:
        console.print(left)
        console.print()
        console.print(right)


def _width(group, console) -> int:
    return console.measure(group).maximum


def _write_page(ctx, html_file: Path, repo, exercise, mine, goal, goal_note) -> None:
    from mergecamp.graph.page import GOAL, YOURS, Panel, render_page

    panels = [Panel("mine", ctx.say(YOURS), mine, " ".join(_status_lines(ctx, repo, mine)))]
    if goal is not None:
        panels.append(Panel("goal", ctx.say(GOAL), goal, ctx.say(T.GOAL_OF, id=exercise)))
    meta = str(repo)
    if goal is None and goal_note is not None:
        meta += " · " + ctx.say(T.GOAL_UNAVAILABLE, why=ctx.say(goal_note))
    heading = ctx.say(T.PAGE_TITLE, name=exercise or repo.name)
    page = render_page(panels, heading=heading, meta=meta, lang=ctx.lang)
    try:
        html_file.parent.mkdir(parents=True, exist_ok=True)
        html_file.write_text(page, encoding="utf-8")
    except OSError as err:
        raise MergecampError(
            T.CANNOT_WRITE.format(path=html_file, why=err.strerror or err)
        ) from None
    click.echo(escape.terminal(ctx.say(T.HTML_WRITTEN, path=html_file.resolve())))
