"""Catch a misspelt or misplaced ``--model.<option>``, ``--model.net.<option>`` or
``--data.<option>`` before the parser does.

jsonargparse answers ``--model.net.hiden_size 3`` with its whole usage text and a nested
union error; this says it in the first line, with the nearest known option. An option of
the network given to the module (``--model.hidden_size``, the layout before networks had
a config of their own) is pointed to its place under ``--model.net``.
"""

from __future__ import annotations

import difflib
import inspect

from .errors import ConfigError, ko

# What the task gives every network (models.NetFactory); a config never sets these.
TASK_ARGUMENTS = ("input_size", "output_size", "sequence_output")


def accepted(classes: list[type], skip: tuple[str, ...] = ()) -> set[str]:
    """Every keyword argument of the classes' ``__init__`` (and their bases'), but ``skip``."""
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
    return names - set(skip)


def _unknown(flag: str, where: str, known: set[str], prefix: str) -> ConfigError:
    name = flag.rpartition(".")[2]
    close = difflib.get_close_matches(name, sorted(known), n=1)
    hint_en = f": did you mean --{prefix}.{close[0]}?" if close else ""
    hint_ko = ko(" --{option}을(를) 쓰려던 건가요?", option=f"{prefix}.{close[0]}") if close else ""
    where_ko = {"network": "네트워크"}.get(where, where)
    return ConfigError(
        f"--{flag} is not an option of the {where}{hint_en}",
        ko("--{flag}은(는) {where}의 옵션이 아니에요.", flag=flag, where=where_ko) + hint_ko,
    )


def check_option_names(args: list[str], groups: dict[str, set[str]]) -> None:
    """A ConfigError for the first ``--<group>.<name>`` whose name no class accepts.

    ``groups`` maps ``model``, ``data`` and ``model.net`` (the networks' options) to the
    names their classes take."""
    for arg in args:
        if not arg.startswith("--") or "." not in arg:
            continue
        group, _, name = arg[2:].split("=", 1)[0].partition(".")
        if group not in groups:
            continue
        name = name.removeprefix("init_args.")
        if group == "model" and name.startswith("net.") and "model.net" in groups:
            group, name = "model.net", name[4:].removeprefix("init_args.")
        if not name or "." in name or name in ("class_path", "init_args", "help"):
            continue
        if name in groups[group]:
            continue
        network = groups.get("model.net", set())
        if group == "model" and name in network:
            raise ConfigError(
                f"--model.{name} is an option of the network now, which has a config of its "
                f"own under model.net: write --model.net.{name}",
                ko(
                    "--model.{name}은(는) 이제 네트워크의 옵션이에요. 네트워크 설정은 model.net "
                    "아래에 따로 있으니 --model.net.{name}(으)로 쓰세요",
                    name=name,
                ),
            )
        where = "network" if group == "model.net" else group
        raise _unknown(f"{group}.{name}", where, groups[group], group)
