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


def columns(text: str) -> int:
    """How many terminal columns ``text`` takes (wide and full-width characters: two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap_line(line: str, width: int) -> list[str]:
    """``line`` broken at spaces into lines of at most ``width`` columns where it can be;
    continuation lines are indented like the line (or under a row's description)."""
    if columns(line) <= width:
        return [line]
    row = _ROW.match(line)
    indent = len(row.group(1)) if row else len(line) - len(line.lstrip(" "))
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
