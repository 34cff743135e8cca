"""jsonargparse's nested error about a network option → the one sentence inside it.

A wrong value under ``model.net`` (an option the chosen network does not take, a choice
it does not know, a word where it wants a number) comes back from the parser as 10–20
lines about Union subtypes and Namespaces, with the sentence that matters buried on one
of them. ``TeachingParser`` prints that sentence alone, with the network's own options
or choices, and exits with status 2 as the parser would.
"""

from __future__ import annotations

import importlib
import re
import sys

from lightning.pytorch.cli import LightningArgumentParser

from .errors import ConfigError, ko
from .models import NETWORKS
from .options import TASK_ARGUMENTS, accepted

_NETWORK = re.compile(r"class_path='([\w.]+)'")
_KEY = re.compile(r'Parser key "(\w+)"')
_NOT_ACCEPTED = re.compile(r"Option '(\w+)' is not accepted")
_CHOICES = re.compile(r"typing\.Literal\[([^\]]*)\]")
_GOT = re.compile(r"(?:Got|Given) value: (.*?)\.(?: Got value|\n|$)")
_TYPE = re.compile(r"Expected a <class '(\w+)'>")
_MISSING_CLASS = re.compile(r"Expected a path but ([\w.]+) either not accessible")


def _network_class(message: str) -> type | None:
    for path in _NETWORK.findall(message):
        where, _, name = path.rpartition(".")
        if not where.endswith(".models"):
            continue
        try:
            return getattr(importlib.import_module(where), name)
        except (ImportError, AttributeError):
            return None
    return None


def network_sentence(message: str) -> ConfigError | None:
    """The one sentence for a parser error about ``model.net``, or None for any other."""
    if 'Parser key "net"' not in message:
        return None
    missing = _MISSING_CLASS.search(message)
    if missing:
        known = [f"models.{network.__name__}" for network in NETWORKS]
        return ConfigError(
            f"model.net: {missing.group(1)} is not a network of this project: use "
            f"{', '.join(known[:-1])} or {known[-1]} (configs/model/)",
            ko(
                "model.net: {path}은(는) 이 프로젝트의 네트워크가 아니에요. {known} 중 하나를 "
                "쓰세요(configs/model/)",
                path=missing.group(1),
                known=", ".join(known),
            ),
        )
    network = _network_class(message)
    if network is None:
        return None
    name = network.__name__
    refused = _NOT_ACCEPTED.search(message)
    if refused:
        options = ", ".join(sorted(accepted([network], skip=TASK_ARGUMENTS)))
        key = refused.group(1)
        return ConfigError(
            f"model.net.{key}: {key} is not an option of {name}, the network in model.net; "
            f"it takes {options}",
            ko(
                "model.net.{key}: {key}은(는) model.net의 네트워크 {name}의 옵션이 아니에요. "
                "쓸 수 있는 옵션: {options}",
                key=key,
                name=name,
                options=options,
            ),
        )
    keys = [key for key in _KEY.findall(message) if key not in ("model", "net")]
    if not keys:
        return None
    key = keys[-1]
    got = _GOT.search(message.split(f'Parser key "{key}"', 1)[1])
    value = got.group(1) if got else "?"
    choices = _CHOICES.search(message)
    if choices:
        listed = " | ".join(choice.strip(" '") for choice in choices.group(1).split(","))
        return ConfigError(
            f"model.net.{key}: {value} is not a choice of {name}'s {key}: use {listed}",
            ko(
                "model.net.{key}: {value}은(는) {name}에서 고를 수 있는 값이 아니에요. "
                "다음 중 하나를 쓰세요: {listed}",
                key=key,
                value=value,
                name=name,
                listed=listed,
            ),
        )
    wanted = _TYPE.search(message)
    if wanted:
        return ConfigError(
            f"model.net.{key}: {name} wants {wanted.group(1)} here, not {value}",
            f"model.net.{key}: {name}의 이 옵션에는 {wanted.group(1)} 값이 와야 해요"
            f"(받은 값: {value})",
        )
    return None


class TeachingParser(LightningArgumentParser):
    """LightningCLI's parser, but an error about the network is one sentence."""

    def error(self, message: str, ex: Exception | None = None):  # type: ignore[override]
        sentence = network_sentence(message)
        if sentence is None or not self.exit_on_error:
            return super().error(message, ex)
        print(f"error: {sentence.text()}", file=sys.stderr)
        sys.exit(2)
