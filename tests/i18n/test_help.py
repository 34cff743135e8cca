"""`mergecamp <command> --help` in Korean for every command, wrapped at spaces only."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner
from mergecamp.cli import main
from mergecamp.cli.help_texts import COMMANDS, OPTIONS
from mergecamp.wrap import columns, wrap, wrap_line

ENGLISH = re.compile(r"\b[A-Za-z]{2,}(?:[ ,'][A-Za-z]{2,}){2,}")  # three English words


def _paths() -> list[tuple[str, ...]]:
    main.list_commands(click.Context(main))  # loads every command module
    found: list[tuple[str, ...]] = [()]

    def walk(group: click.Group, path: tuple[str, ...]) -> None:
        for name, command in sorted(group.commands.items()):
            found.append((*path, name))
            if isinstance(command, click.Group):
                walk(command, (*path, name))

    walk(main, ())
    return found


PATHS = _paths()


def _help(args: list[str], columns_: int = 80, lang: str = "ko") -> str:
    env = {"MERGECAMP_LANG": lang, "COLUMNS": str(columns_)}
    result = CliRunner().invoke(main, [*args, "--help"], env=env, prog_name="mergecamp")
    assert result.exit_code == 0, result.output
    return result.output


def _prose(page: str) -> str:
    """The page without its usage line and option names and metavars."""
    lines = [line for line in page.splitlines() if not line.startswith(("사용법:", "Usage:"))]
    text = "\n".join(lines)
    text = re.sub(r"--?[\w-]+|\[[^\]]*\]|\b[A-Z]{2,}\b|`[^`]*`", " ", text)
    return text


@pytest.mark.parametrize("path", PATHS, ids=[" ".join(p) or "mergecamp" for p in PATHS])
def test_every_help_page_is_korean(path: tuple[str, ...]) -> None:
    page = _help(list(path))
    assert "사용법:" in page and "옵션:" in page
    leak = ENGLISH.search(_prose(page))
    assert leak is None, f"English in the Korean help of {path}: {leak.group(0) if leak else ''}"


def test_every_command_and_option_has_its_korean_help() -> None:
    for path in PATHS:
        command = main
        for name in path:
            command = command.commands[name]  # type: ignore[attr-defined]
        key = " ".join(path)
        assert key in COMMANDS, key
        for param in command.params:
            if isinstance(param, click.Option) and param.help and not param.hidden:
                assert (key, param.opts[0]) in OPTIONS, (key, param.opts[0])


def test_lang_before_help_and_english_stays_english() -> None:
    result = CliRunner().invoke(main, ["--lang", "ko", "--help"], env={"MERGECAMP_LANG": "en"})
    assert "사용법:" in result.output and "명령:" in result.output
    english = _help(["check"], lang="en")
    assert "Usage:" in english and "Check your work" in english and "사용법" not in english


def _words(page: str) -> list[str]:
    """The words below the usage (whose program name depends on how it ran)."""
    return page.split("\n\n", 1)[1].split()


@pytest.mark.parametrize("path", [("check",), ("pr", "merge"), ()])
def test_a_narrow_terminal_breaks_only_at_spaces(path: tuple[str, ...]) -> None:
    wide, narrow = _help(list(path), 500), _help(list(path), 40)
    assert _words(narrow) == _words(wide)  # no word split, none lost
    for line in narrow.splitlines():
        # longer only where one word would not fit anyway
        assert columns(line) <= 38 or columns(line.rsplit(" ", 1)[0].rstrip()) <= 38, line


def test_a_pipe_breaks_only_at_spaces() -> None:
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"} | {"MERGECAMP_LANG": "ko"}
    piped = subprocess.run(
        [sys.executable, "-m", "mergecamp", "check", "--help"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    assert _words(piped) == _words(_help(["check"], 500))
    assert all(columns(line) <= 78 for line in piped.splitlines())


INDENT = " " * 10
WRAPS = [
    ("짧은 줄", 40, ["짧은 줄"]),
    ("가나다 라마바 사아자", 10, ["가나다", "라마바", "사아자"]),
    ("  들여쓴 줄이 길어서 넘어가요", 16, ["  들여쓴 줄이", "  길어서", "  넘어가요"]),
    ("  --json  결과를 JSON으로 출력해요.", 24,
     ["  --json  결과를", INDENT + "JSON으로", INDENT + "출력해요."]),
    ("아주아주아주긴한단어 끝", 6, ["아주아주아주긴한단어", "끝"]),
]  # fmt: skip


@pytest.mark.parametrize(("line", "width", "lines"), WRAPS)
def test_wrap_line(line: str, width: int, lines: list[str]) -> None:
    assert wrap_line(line, width) == lines


def test_columns_count_hangul_as_two() -> None:
    assert columns("main 브랜치") == 5 + 6
    assert wrap("a b\nc", 80) == "a b\nc"
