"""Korean and English for every learner-facing text.

A ``Text`` always carries both languages, so a missing translation is a
construction error (caught by the tests), never a blank line in front of a learner.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Literal

from mergecamp.korean import fill

Lang = Literal["ko", "en"]
LANGS: tuple[Lang, ...] = ("ko", "en")


@dataclass(frozen=True)
class Text:
    """One message in both languages. ``str.format`` fields work in both."""

    en: str
    ko: str

    def __post_init__(self) -> None:
        if not self.en.strip() or not self.ko.strip():
            raise ValueError(f"text missing a language: en={self.en!r} ko={self.ko!r}")

    def __call__(self, lang: Lang) -> str:
        return self.ko if lang == "ko" else self.en

    def format(self, **fields: object) -> Text:
        """Fill the fields in both languages; a field that is itself a ``Text`` gives
        each language its own words. A Korean paired particle after a field (``{b}이(가)``)
        becomes the form that fits the inserted word (``mergecamp.korean``)."""
        en = {k: v.en if isinstance(v, Text) else v for k, v in fields.items()}
        ko = {k: v.ko if isinstance(v, Text) else v for k, v in fields.items()}
        return Text(en=self.en.format(**en), ko=fill(self.ko, ko))


def resolve_lang(explicit: str | None = None) -> Lang:
    """``--lang`` first, then ``MERGECAMP_LANG``, then the locale; English otherwise."""
    for candidate in (explicit, os.environ.get("MERGECAMP_LANG")):
        if candidate:
            code = candidate.strip().lower()[:2]
            if code in LANGS:
                return code  # type: ignore[return-value]
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            return "ko" if value.lower().startswith("ko") else "en"
    import locale  # the last resort, rarely reached: not imported by every command

    system = (locale.getlocale()[0] or "").lower()
    return "ko" if system.startswith("ko") else "en"
