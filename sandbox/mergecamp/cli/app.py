"""The ``mergecamp`` click group, its shared options, and the error boundary.

Subcommands live in sibling modules (one concern each) and register themselves on
``main``; heavy imports (GitPython, cookiecutter, rich tables) happen inside commands.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import click

from mergecamp import __version__
from mergecamp.errors import INTERRUPTED, UNEXPECTED, MergecampError
from mergecamp.i18n import Lang, Text, resolve_lang
from mergecamp.paths import default_workspace, use_workspace


@dataclass
class Context:
    lang: Lang
    workspace: Path

    def say(self, text: Text, **fields: object) -> str:
        return text.format(**fields)(self.lang) if fields else text(self.lang)


# Command modules imported only when a command they define is asked for (or for the
# command list in --help): `check` and `start` run after every learner step and need
# none of them. The exercise commands (mergecamp.cli.exercise_cmds) are always loaded.
LAZY_MODULES = (
    "mergecamp.cli.graph_cmd",
    "mergecamp.cli.onboard_cmds",
    "mergecamp.cli.pr_cmds",
    "mergecamp.cli.watch_cmd",
)


def _help_lang(ctx: click.Context) -> Lang:
    """The language of a ``--help`` page: ``--help`` may run before ``main`` has set the
    context, so ``--lang`` (eager) leaves its value in ``ctx.meta`` too."""
    if isinstance(ctx.find_object(Context), Context):
        return ctx.find_object(Context).lang  # type: ignore[union-attr]
    return resolve_lang(ctx.meta.get("mergecamp.lang"))


def _remember_lang(ctx: click.Context, value: str | None) -> str | None:
    ctx.meta["mergecamp.lang"] = value
    return value


class _Command(click.Command):
    """A command whose ``--help`` is Korean when the language is (mergecamp.cli.help_texts)."""

    def get_help(self, ctx: click.Context) -> str:
        if _help_lang(ctx) != "ko":
            return super().get_help(ctx)
        from mergecamp.cli.help_texts import korean_help

        return korean_help(self, ctx)


class _Group(_Command, click.Group):
    """Turns every ``MergecampError`` into its message and exit code, never a traceback;
    loads the modules in ``LAZY_MODULES`` on first need. Its commands and subgroups get
    Korean ``--help`` too."""

    _lazy_loaded = False
    command_class = _Command
    group_class = type

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if _help_lang(ctx) != "ko":
            return super().format_commands(ctx, formatter)
        from mergecamp.cli.help_texts import path_of, short_help

        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                path = f"{path_of(ctx)} {name}".strip()
                rows.append((name, short_help(path) or command.get_short_help_str()))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def _load_lazy(self) -> None:
        if not _Group._lazy_loaded:
            import importlib

            _Group._lazy_loaded = True
            for name in LAZY_MODULES:
                importlib.import_module(name)

    def get_command(self, ctx: click.Context, cmd_name: str):  # type: ignore[override]
        if cmd_name not in self.commands:
            self._load_lazy()
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._load_lazy()
        return super().list_commands(ctx)

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except MergecampError as err:
            click.echo(err.text(_lang(ctx)), err=True)
            sys.exit(err.exit_code)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise  # click's own usage errors already read well
        except BrokenPipeError:
            # The reader went away (`mergecamp list | head`): nothing left to say to it.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(141)
        except KeyboardInterrupt:
            click.echo(INTERRUPTED(_lang(ctx)), err=True)
            sys.exit(130)
        except Exception as err:
            # A bug of ours must not greet a learner with a traceback; MERGECAMP_DEBUG=1
            # shows it to whoever fixes the bug.
            if os.environ.get("MERGECAMP_DEBUG"):
                raise
            detail = f"{type(err).__name__}: {err}"
            click.echo(UNEXPECTED.format(detail=detail)(_lang(ctx)), err=True)
            sys.exit(3)


def _lang(ctx: click.Context) -> Lang:
    return ctx.obj.lang if isinstance(ctx.obj, Context) else resolve_lang()


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--lang",
    type=click.Choice(["ko", "en"]),
    default=None,
    is_eager=True,  # before --help, so that `--lang ko --help` is Korean
    callback=lambda ctx, _param, value: _remember_lang(ctx, value),
    help="Language of the texts (else MERGECAMP_LANG, else the locale).",
)
@click.option(
    "--workspace",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where exercises live (else $MERGECAMP_HOME, else ~/mergecamp).",
)
@click.version_option(__version__, prog_name="mergecamp")
@click.pass_context
def main(ctx: click.Context, lang: str | None, workspace: Path | None) -> None:
    """Learn an ML team's git workflow in real repositories.

    실제 저장소에서 ML 팀의 git 워크플로를 익혀요.
    """
    ctx.obj = Context(
        lang=resolve_lang(lang), workspace=(workspace or default_workspace()).resolve()
    )
    # An explicit workspace keeps everything mergecamp writes, progress too, inside it.
    use_workspace(ctx.obj.workspace if workspace is not None else None)
    if sys.stdout.isatty() or sys.stderr.isatty():  # a narrow terminal: no word cut in two
        from mergecamp.wrap import install

        install()


def pass_context(f):
    """Decorator: hand a command the shared ``Context``."""
    return click.pass_obj(f)
