"""A terminal narrower than the text breaks Korean lines at spaces (never inside a word);
a pipe gets the lines whole."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
from pathlib import Path

import click
from mergecamp.wrap import TerminalLines, columns


def _run(args: list[str], home: Path, *, terminal: bool) -> str:
    env = dict(os.environ, COLUMNS="40", MERGECAMP_LANG="ko", MERGECAMP_HOME=str(home))
    command = [sys.executable, "-m", "mergecamp", *args]
    if not terminal:
        done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=home)
        return done.stdout + done.stderr
    master, slave = pty.openpty()
    proc = subprocess.Popen(command, stdout=slave, stderr=slave, env=env, cwd=home)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        out += chunk
    proc.wait()
    os.close(master)
    return out.decode().replace("\r\n", "\n")


def test_a_40_column_terminal_and_a_pipe(tmp_path: Path) -> None:
    # Outside an exercise, `status` explains in a long Korean sentence where to go.
    piped = _run(["status"], tmp_path, terminal=False)
    shown = _run(["status"], tmp_path, terminal=True)
    assert any(columns(line) > 40 for line in piped.splitlines())  # the pipe: whole lines
    assert shown.split() == piped.split()  # the same words, none cut in two
    for line in shown.splitlines():
        assert columns(line) <= 40 or " " not in line.strip(), line


def test_terminal_lines_leave_other_lines_and_prompts_alone() -> None:
    out = io.StringIO()
    stream = TerminalLines(out, width=20)
    long_korean = "브랜치 이름이 팀 규칙에 맞지 않아요 이름을 바꾸세요"
    click.echo(long_korean, file=stream)  # type: ignore[arg-type]
    click.echo("x" * 30, file=stream)  # type: ignore[arg-type]
    stream.write("\x1b[1m" + long_korean + "\x1b[0m\n")  # styled: rich fitted it already
    click.echo("계속할까요? ", nl=False, file=stream)  # type: ignore[arg-type]
    stream.flush()
    lines = out.getvalue().split("\n")
    assert all(columns(line) <= 20 for line in lines[:3])
    assert " ".join(lines[:3]) == long_korean
    assert "x" * 30 in lines and "\x1b[1m" + long_korean + "\x1b[0m" in lines
    assert out.getvalue().endswith("계속할까요? ")
