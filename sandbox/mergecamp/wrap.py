"""Wrap text for a terminal at spaces only, counting a Hangul syllable as two columns.

``textwrap`` (and click's help formatter on top of it) counts characters, so a Korean
line it thinks is 78 wide takes about 150 columns and the terminal breaks it in the
middle of a word. Here a line breaks only at a space; a word wider than the line stays
whole (the terminal may fold it, but mergecamp never splits it).
"""

from __future__ import annotations

import re
import shutil
import unicodedata

# A definition-list row (`  --json   print …`, `  check    지금 …`): its continuation
# lines start under the description.
_ROW = re.compile(r"^(\s*\S+(?:, \S+)*(?: \S+)?\s{2,})\S")
# A checklist or list line (`✘ …`, `3. …`): its continuation lines start under the text.
_BULLET = re.compile(r"^(\s*(?:[✔✘·!•*-]|\d+\.) )\S")


def columns(text: str) -> int:
    """How many terminal columns ``text`` takes (wide and full-width characters: two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap_line(line: str, width: int) -> list[str]:
    """``line`` broken at spaces into lines of at most ``width`` columns where it can be;
    continuation lines are indented like the line (or under a row's description)."""
    if columns(line) <= width:
        return [line]
    lead = _ROW.match(line) or _BULLET.match(line)
    indent = len(lead.group(1)) if lead else len(line) - len(line.lstrip(" "))
    head, words = line[:indent], [w for w in line[indent:].split(" ") if w]
    out: list[str] = []
    current = head + words[0] if words else head
    for word in words[1:]:
        candidate = f"{current} {word}"
        if columns(candidate) > width:
            out.append(current)
            current = " " * indent + word
        else:
            current = candidate
    out.append(current)
    return out


def wrap(text: str, width: int) -> str:
    """Every line of ``text`` wrapped with :func:`wrap_line`."""
    return "\n".join(part for line in text.split("\n") for part in wrap_line(line, width))


def help_width() -> int:
    """The width click would give a help page: the terminal's, at most 80, less 2."""
    return max(min(shutil.get_terminal_size((80, 24)).columns, 80) - 2, 30)


_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


class TerminalLines:
    """A stdout for a terminal that breaks a too-long line with Hangul in it at spaces,
    before the terminal would break it in the middle of a word. Lines without Hangul
    (graphs, tables rich already fitted, English) pass as they are; a pipe never gets
    one of these (see :func:`install`)."""

    def __init__(self, stream, width: int | None = None) -> None:
        self._stream = stream
        self._width = width
        self._pending = ""

    def _fit(self, line: str) -> str:
        width = self._width or shutil.get_terminal_size((80, 24)).columns
        plain = _ANSI.sub("", line)
        if columns(plain) <= width or not _HANGUL.search(plain) or _ANSI.search(line):
            return line
        return "\n".join(wrap_line(line, width))

    def write(self, text: str) -> int:
        self._pending += text
        *lines, self._pending = self._pending.split("\n")
        if lines:
            self._stream.write("\n".join(self._fit(line) for line in lines) + "\n")
        return len(text)

    def flush(self) -> None:
        if self._pending:  # a prompt waiting on the same line
            self._stream.write(self._pending)
            self._pending = ""
        self._stream.flush()

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def install() -> None:
    """Wrap ``sys.stdout`` and ``sys.stderr`` in :class:`TerminalLines` where they are a
    terminal; a pipe or a file is left as it is."""
    import sys

    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if isinstance(stream, TerminalLines) or not getattr(stream, "isatty", lambda: False)():
            continue
        setattr(sys, name, TerminalLines(stream))
