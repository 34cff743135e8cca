"""What a check found, and how it becomes a short lesson on the terminal.

Checks return `Problem`s (plain data) instead of printing, so the sandbox engine and the
PR review can reuse them and choose the language later. `render` turns them into the
five-part message every hook prints: found, rule, example, fix, why. No colour codes:
hook output lands in git GUIs, CI logs and editors that show escape codes as garbage.
For the same reason what was found (a message, a branch or a file name: anything) is
shown through `visible`, so its own control characters never reach the terminal.
"""

from __future__ import annotations

import re
import shlex
import unicodedata
from collections.abc import Iterable, Mapping

from mergecamp_hooks.korean import fill
from mergecamp_hooks.texts import LABELS, LESSONS


class Problem:
    """One broken convention.

    `code` names the lesson in texts.LESSONS (stable: tests and the engine match on it),
    `found` is what was seen (printed quoted), `fix` the exact command that repairs it,
    `params` fills the placeholders of the lesson's texts. `listing` marks a `found`
    that is already a formatted list (one quoted path per line) and is printed as is.
    """

    # A plain class, not a dataclass: importing dataclasses costs more than the whole check.
    __slots__ = ("code", "fix", "found", "listing", "params")

    def __init__(
        self,
        code: str,
        found: str,
        fix: str,
        params: Mapping[str, str] | None = None,
        listing: bool = False,
    ) -> None:
        self.code = code
        self.found = found
        self.fix = fix
        self.params = dict(params or {})
        self.listing = listing

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Problem) and all(
            getattr(self, name) == getattr(other, name) for name in self.__slots__
        )

    def __repr__(self) -> str:
        return f"Problem({self.code!r}, found={self.found!r}, fix={self.fix!r})"

    def lesson(self, lang: str) -> dict[str, str]:
        """The lesson's texts in `lang` with the placeholders filled in."""
        texts = LESSONS[self.code][lang if lang in LABELS else "en"]
        params = {key: visible(str(value)) for key, value in self.params.items()}
        return {key: fill(value, params) for key, value in texts.items()}


_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode control pictures: ␛ for ESC
    if code == 0x7F:
        return "␡"
    if 0xD800 <= code <= 0xDFFF:
        return "\ufffd"  # a byte that is not UTF-8 (kept by surrogateescape)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` on one line with its control characters shown, never acted on; bytes that
    are not UTF-8 become U+FFFD."""
    return _UNSAFE.sub(_shown, text)


def shell_word(name: str) -> str:
    """`name` as one shell word that gives git its exact bytes: quoted when it is plain
    text, else `"$(printf '…')"` with octal escapes (a name in another encoding, whose
    bytes cannot be typed, still gets a command that works)."""
    if not _UNSAFE.search(name):
        return shlex.quote(name)
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # not from git's bytes (a CI variable): nothing to rebuild
        return shlex.quote(name)
    safe = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-"
    body = "".join(chr(b) if b in safe else f"\\{b:03o}" for b in raw)
    return f"\"$(printf '{body}')\""


def quote(text: str) -> str:
    """Quote what was found so spaces and empty strings stay visible, one line per line."""
    return "\n".join(f'"{visible(line)}"' for line in text.split("\n"))


def _width(text: str) -> int:
    """Terminal columns: Korean labels take two columns per syllable."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def render_one(problem: Problem, hook: str, lang: str, advice: bool = False) -> str:
    """One problem as a block of six lines, labels in `lang`."""
    labels = LABELS[lang if lang in LABELS else "en"]
    texts = problem.lesson(lang)
    if problem.listing:
        found = "\n".join(visible(line) for line in problem.found.split("\n"))
    else:
        found = quote(problem.found)
    rows = [
        (labels["found"], found),
        (labels["rule"], texts["rule"]),
        (labels["example"], texts["example"]),
        (labels["fix"], visible(problem.fix)),
        (labels["why"], texts["why"]),
    ]
    width = max(_width(label) for label, _ in rows) + 1
    header = f"→ mergecamp {hook} ({labels['advice']})" if advice else f"✘ mergecamp {hook}"
    lines = [f"{header}: {texts['title']}"]
    for label, value in rows:
        head = f"  {label}:" + " " * (width - _width(label) + 1)
        value_lines = value.splitlines() or [""]
        lines.append(head + value_lines[0])
        lines.extend(" " * _width(head) + rest for rest in value_lines[1:])
    return "\n".join(lines)


def render(problems: Iterable[Problem], hook: str, lang: str, advice: bool = False) -> str:
    """All problems, separated by a blank line, ready to print to stderr."""
    return "\n\n".join(render_one(p, hook, lang, advice) for p in problems)
