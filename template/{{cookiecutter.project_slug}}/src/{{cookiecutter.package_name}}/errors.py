"""A config mistake: one sentence that says what is wrong and which option fixes it.

The command line prints it as one line (in the project's docs language) and exits with
status 2, instead of a traceback through Lightning and jsonargparse.
"""

from __future__ import annotations

from .korean import fill

LANGUAGE = {{ cookiecutter.docs_language | py_str }}


def ko(template: str, **fields: object) -> str:
    """A Korean text with ``fields`` filled in, each paired particle right after a field
    (``{path}은(는)``, ``{n}을(를)``) turned into the one form that fits how the inserted
    value is read aloud (korean.py, the same chooser as the team's hooks)."""
    return fill(template, fields)


class ConfigError(ValueError):
    """A ValueError (so code that catches those still does) with an English and a Korean
    text; ``str()`` is the English one."""

    def __init__(self, en: str, ko: str | None = None) -> None:
        super().__init__(en)
        self.en, self.ko = en, ko or en

    def text(self, language: str = LANGUAGE) -> str:
        return self.ko if language == "ko" else self.en


def config_error_in(error: BaseException) -> ConfigError | None:
    """The ConfigError that caused ``error``: jsonargparse and Lightning wrap the one the
    model raised in errors of their own."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, ConfigError):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None
