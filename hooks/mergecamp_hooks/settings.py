"""Where a hook's settings come from: arguments, then `[tool.mergecamp]`, then defaults.

The project's pyproject.toml is read from the current directory, which is the repository
root both when git runs a hook and when pre-commit does. A broken or odd pyproject must
not stop anyone from committing, so problems there become one warning line on stderr.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

LANGUAGES = ("en", "ko")


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
    table = data.get("tool", {}).get("mergecamp", {})
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
