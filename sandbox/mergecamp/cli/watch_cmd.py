"""``mergecamp watch [ID] [--port N] [--open]``: the exercise live in the browser.

The server (``mergecamp.watch``) is imported only here, when the command runs.
"""

from __future__ import annotations

import click

from mergecamp import escape
from mergecamp.cli.app import Context, main, pass_context


@main.command("watch")
@click.argument("exercise_id", metavar="[ID]", required=False)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=0,
    help="Port on 127.0.0.1 (default: a free one).",
)
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the browser.")
@pass_context
def watch_cmd(ctx: Context, exercise_id: str | None, port: int, open_browser: bool) -> None:
    """Show the graph, the goal and the checklist in the browser, live after each git command."""
    from mergecamp.cli.exercise_cmds import _scene
    from mergecamp.watch.server import check_libraries, serve
    from mergecamp.watch.texts import SERVING, STOPPED

    check_libraries()
    scene = _scene(ctx, exercise_id)

    def announce(url: str) -> None:
        click.echo(escape.terminal(ctx.say(SERVING, id=scene.exercise_id, url=url)))

    serve(scene, ctx.lang, port, announce=announce, open_browser=open_browser)
    click.echo(ctx.say(STOPPED))
