"""Argument parsing and error handling shared by the three hook commands.

Every hook takes the same options (`--types`, `--default-branch`, `--max-kb`, `--lang`)
so one `args:` line can be copied between hooks; options win over `[tool.mergecamp]`,
which wins over the defaults in conventions.py. Errors in the hook's own input end in
one clear line and exit code 2 (1 means "the convention was broken").
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from mergecamp_hooks import conventions
from mergecamp_hooks.gitutil import GitError
from mergecamp_hooks.problem import Problem, render, visible
from mergecamp_hooks.settings import (
    LANGUAGES,
    SettingsError,
    check_table,
    read_project_table,
    resolve_language,
    table_language,
)


class UsageError(ValueError):
    """Bad arguments or settings: reported in one line, exit code 2."""


class Settings(tuple):
    """Everything a hook needs to decide and to speak, already resolved.

    A tuple subclass rather than a dataclass: importing dataclasses (and inspect) would
    cost more start-up time than the whole check.
    """

    __slots__ = ()

    def __new__(cls, lang: str, types: tuple[str, ...], default_branch: str, max_kb: int):
        return super().__new__(cls, (lang, types, default_branch, max_kb))

    lang = property(lambda self: self[0])
    types = property(lambda self: self[1])
    default_branch = property(lambda self: self[2])
    max_kb = property(lambda self: self[3])


def parser(prog: str, description: str) -> argparse.ArgumentParser:
    """A parser with the options every hook shares."""
    p = argparse.ArgumentParser(prog=prog, description=description)
    p.add_argument("--lang", choices=LANGUAGES, help="message language (default: project, locale)")
    p.add_argument("--types", help="comma-separated allowed types (default: feat,fix,exp,…)")
    p.add_argument("--default-branch", help="the protected branch (default: main)")
    p.add_argument("--max-kb", type=int, help="largest file to commit, in KB (default: 500)")
    return p


def settings(args: argparse.Namespace, table: dict[str, object] | None = None) -> Settings:
    """Merge arguments, `[tool.mergecamp]` and defaults; raise UsageError on bad values
    and SettingsError on a setting of the wrong type."""
    table = read_project_table() if table is None else table
    check_table(table, table_language(args.lang, table))
    try:
        types = conventions.parse_types(args.types or table.get("types"))
    except ValueError as exc:
        raise UsageError(f"--types: {exc}") from exc
    default_branch = args.default_branch or table.get("default_branch") or "main"
    if not isinstance(default_branch, str) or not default_branch.strip():
        raise UsageError("the default branch must be a non-empty name")
    max_kb = args.max_kb if args.max_kb is not None else table.get("max_kb", 500)
    if not isinstance(max_kb, int) or isinstance(max_kb, bool) or max_kb <= 0:
        raise UsageError(f"--max-kb must be a positive whole number of KB, not {max_kb!r}")
    return Settings(resolve_language(args.lang, table), types, default_branch.strip(), max_kb)


def run(hook: str, body: Callable[[], int]) -> int:
    """Call the hook's body; turn expected failures into one line and exit code 2."""
    try:
        return body()
    except (UsageError, GitError) as exc:
        print(f"mergecamp {hook}: error: {visible(str(exc))}", file=sys.stderr)
        return 2
    except SettingsError as exc:  # already says "error" in the learner's language
        print(f"mergecamp {hook}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def verdict(problems: Sequence[Problem], hook: str, lang: str) -> int:
    """The exit code git acts on: 0 when nothing was found, else the lesson on stderr and 1."""
    if not problems:
        return 0
    print(render(problems, hook, lang), file=sys.stderr)
    return 1


def join_types(types: Sequence[str]) -> str:
    """`feat, fix, exp` for the rule text."""
    return ", ".join(types)
