"""Text from outside mergecamp, made safe for where it is shown: one function per medium.

A learner's record, a commit subject, a branch or a file name can hold anything: rich
markup (``[/red]``, ``[link=…]``), terminal escape sequences, Markdown or HTML. Whatever
prints such text passes it through the function for its medium, so it always shows
literally and never acts (no colours, links, cursor moves or tags of its own).

Control characters (C0, DEL, C1, the Unicode line separators and bidi overrides) become
a visible form (``␛`` for ESC, ``\\x9b`` for CSI) in every medium, and lone surrogates
(undecodable bytes kept by ``surrogateescape``) become ``�``, which any output can encode.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_MARKDOWN = re.compile(r"([\\`*_\[\]<>|#!~])")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode control pictures: ␀ … ␛ …
    if code == 0x7F:
        return "␡"
    if 0xD800 <= code <= 0xDFFF:
        return "\ufffd"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def plain(text: object) -> str:
    """``text`` with every control character shown and never acted on."""
    return _UNSAFE.sub(_visible, str(text))


def terminal(text: object) -> str:
    """For ``click.echo`` and rich ``Text`` objects (which never read markup)."""
    return plain(text)


def terminal_lines(text: object) -> str:
    """Like :func:`terminal`, but a message's own line breaks stay line breaks."""
    return "\n".join(plain(line) for line in str(text).split("\n"))


def markdown(text: object) -> str:
    """For Markdown text and table cells: no emphasis, link, code, tag or cell break."""
    return _MARKDOWN.sub(r"\\\1", plain(text))


def html(text: object) -> str:
    """For HTML and SVG, in element text and in quoted attribute values alike."""
    import html  # here: the terminal side runs after every git command and needs none

    return html.escape(plain(text), quote=True)


def json_text(text: object) -> str:
    """For JSON written with ``ensure_ascii=False``: JSON escapes the control characters
    itself, but lone surrogates cannot be encoded, so they become ``�``."""
    return re.sub(r"[\ud800-\udfff]", "\ufffd", str(text))
