"""Where a hook's settings come from: arguments, then `[tool.mergecamp]`, then defaults.

The project's pyproject.toml is read from the current directory, which is the repository
root both when git runs a hook and when pre-commit does. A pyproject that TOML cannot
read does not stop anyone from committing: that becomes one warning line on stderr. A
setting of the wrong type (`types = 5`) is refused with one line naming the key and the
type it needs (`SettingsError`), because guessing what it meant could let the wrong
convention through.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping

LANGUAGES = ("en", "ko")


class SettingsError(ValueError):
    """A `[tool.mergecamp]` value of the wrong type; the message is in the hook's language."""


def _is_types(value: object) -> bool:
    return isinstance(value, str) or (
        isinstance(value, list) and all(isinstance(item, str) for item in value)
    )


#: Each known key: a test of its type and the key in texts.SETTING_EXPECTED.
_KEY_TYPES: dict[str, Callable[[object], bool]] = {
    "types": _is_types,
    "default_branch": lambda value: isinstance(value, str),
    "max_kb": lambda value: isinstance(value, int) and not isinstance(value, bool),
    "language": lambda value: isinstance(value, str),
}


def check_table(table: Mapping[str, object], lang: str) -> None:
    """Raise SettingsError for the first known key whose value has the wrong type."""
    for key, fits in _KEY_TYPES.items():
        if key in table and not fits(table[key]):
            raise SettingsError(wrong_type_message(key, table[key], lang))


def wrong_type_message(key: str, value: object, lang: str) -> str:
    """`[tool.mergecamp] types … must be …, not an integer (5); for example …` in `lang`."""
    from mergecamp_hooks.problem import visible
    from mergecamp_hooks.texts import (
        SETTING_EXPECTED,
        SETTING_LIST_OF,
        SETTING_TYPE_NAMES,
        SETTING_WRONG_TYPE,
    )

    def name(item: object) -> str:
        kind = type(item).__name__
        return SETTING_TYPE_NAMES[kind][lang] if kind in SETTING_TYPE_NAMES else kind

    lang = lang if lang in LANGUAGES else "en"
    expected, example = SETTING_EXPECTED[key][lang]
    found = name(value)
    if isinstance(value, list):
        odd = next((item for item in value if not isinstance(item, str)), None)
        if odd is not None:
            found = SETTING_LIST_OF[lang].format(inner=name(odd))
    shown = repr(value)
    shown = shown if len(shown) <= 40 else shown[:39] + "…"
    return SETTING_WRONG_TYPE[lang].format(
        key=key, expected=expected, found=found, value=visible(shown), example=example
    )


def table_language(arg: str | None, table: Mapping[str, object]) -> str:
    """The language to speak in before the settings are known to be sound."""
    configured = table.get("language")
    if arg in LANGUAGES:
        return str(arg)
    return str(configured) if configured in LANGUAGES else locale_language()


def read_project_table(root: str | os.PathLike[str] | None = None) -> dict[str, object]:
    """The `[tool.mergecamp]` table of ./pyproject.toml, or {} when there is none."""
    path = os.path.join(root or os.curdir, "pyproject.toml")
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError):
        return {}
    if "mergecamp" not in text:
        return {}  # most pyprojects: no need to pay for the TOML parser
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        warn(f"mergecamp: ignoring pyproject.toml, it could not be read ({exc})")
        return {}
    tool = data.get("tool", {})
    table = tool.get("mergecamp", {}) if isinstance(tool, dict) else None
    if not isinstance(table, dict):
        warn("mergecamp: [tool.mergecamp] in pyproject.toml is not a table; ignoring it")
        return {}
    # Accept both spellings: TOML keys often use dashes, Python people write underscores.
    return {str(key).replace("-", "_"): value for key, value in table.items()}


def locale_language(environ: Mapping[str, str] | None = None) -> str:
    """`ko` when the locale is Korean (LC_ALL, LC_MESSAGES, LANG in POSIX order), else `en`."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "ko" if value.lower().startswith("ko") else "en"
    return "en"


def resolve_language(
    arg: str | None, table: Mapping[str, object], environ: Mapping[str, str] | None = None
) -> str:
    """The argument wins, then the project's setting, then the locale."""
    if arg:
        return arg
    configured = table.get("language")
    if configured is not None:
        if configured in LANGUAGES:
            return str(configured)
        warn(f"mergecamp: language {configured!r} in [tool.mergecamp] is not en or ko")
    return locale_language(environ)


def warn(message: str) -> None:
    """One line on stderr; hooks never stop a commit because of their own settings."""
    print(message, file=sys.stderr)
