"""Catch a misspelt ``--model.<option>`` or ``--data.<option>`` before the parser does.

jsonargparse answers ``--model.hiden_size 3`` with its whole usage text and a nested
union error; this says it in the first line, with the nearest known option.
"""

from __future__ import annotations

import difflib
import inspect

from .errors import ConfigError


def accepted(classes: list[type]) -> set[str]:
    """Every keyword argument of the classes' ``__init__`` (and their bases')."""
    names: set[str] = set()
    for cls in classes:
        for klass in cls.__mro__:
            init = klass.__dict__.get("__init__")
            if init is None:
                continue
            for parameter in inspect.signature(init).parameters.values():
                if parameter.kind is parameter.KEYWORD_ONLY or (
                    parameter.kind is parameter.POSITIONAL_OR_KEYWORD and parameter.name != "self"
                ):
                    names.add(parameter.name)
    return names


def check_option_names(args: list[str], groups: dict[str, set[str]]) -> None:
    """A ConfigError for the first ``--<group>.<name>`` whose name no class accepts."""
    for arg in args:
        if not arg.startswith("--") or "." not in arg:
            continue
        group, _, name = arg[2:].split("=", 1)[0].partition(".")
        if group not in groups:
            continue
        name = name.removeprefix("init_args.")
        if not name or "." in name or name in ("class_path", "init_args", "help"):
            continue
        if name not in groups[group]:
            close = difflib.get_close_matches(name, sorted(groups[group]), n=1)
            hint_en = f": did you mean --{group}.{close[0]}?" if close else ""
            hint_ko = f" --{group}.{close[0]}을(를) 쓰려던 건가요?" if close else ""
            raise ConfigError(
                f"--{group}.{name} is not an option of the {group}{hint_en}",
                f"--{group}.{name}은(는) {group}의 옵션이 아니에요.{hint_ko}",
            )
