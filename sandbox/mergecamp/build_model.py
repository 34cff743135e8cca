"""Build the config's model the way LightningCLI does, then run the fast suite: the
script ``project_tests`` runs inside a project, in a fresh Python whose path starts with
the project's ``src/``.

The model is ``model.class_path`` with its ``init_args`` given to jsonargparse, the
parser LightningCLI uses: a network that comes as ``net: {class_path, init_args}`` is
injected the same way, so an option the network does not take, or a value it does not
accept (``arch: transformer`` where only rnn | lstm | gru are), is named before the tests
run, in one line. Only the standard library, PyYAML and jsonargparse are imported here;
the project's own imports come with its classes.

Run as ``python -c <this file's text> <config> <run tests: 0|1> <pytest args…>``.
"""

from __future__ import annotations

import re
import sys

_GOT_NAMESPACE = re.compile(r"\.? ?Got value: Namespace\(.*", re.DOTALL)
_CLASS_PATH = re.compile(r"class_path='([\w.]+)'")
_LITERAL = re.compile(r"^Expected a typing\.Literal\[(.*)\]\. Got value: (.*)$")
_TYPE = re.compile(r"^Expected a <class '(\w+)'>\. Got value: (.*)$")
_NOT_ACCEPTED = re.compile(r"^(?:Option|Group '[\w.]+' does not accept option) '(\w+)'")


def summary(message: str, model: str = "") -> str:
    """jsonargparse's nested error as one line: the option's dotted path, then what is
    wrong with it (``model.net.arch: `transformer` is not one of rnn | lstm | gru``)."""
    keys = re.findall(r"Parser key \"([^\"]+)\"", message)
    owner = _CLASS_PATH.findall(message)
    text = _GOT_NAMESPACE.sub("", message)
    text = re.sub(r"Parser key \"[^\"]+\":\s*", "", text)
    text = re.sub(r"Type .*? expects a function or a callable class: ", "", text)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if any("Union subtypes" in line for line in lines):
        expected = next((ln[2:] for ln in lines if ln.startswith("- Expected")), "")
        given = next((ln for ln in lines if ln.startswith("Given value:")), "")
        lines = [f"{expected}. Got value: {given.partition(': ')[2]}"]
    reason = lines[0] if lines else message.strip()
    path = ".".join(keys) or "model"
    if match := _LITERAL.match(reason):
        choices = " | ".join(c.strip().strip("'\"") for c in match.group(1).split(","))
        reason = f"`{match.group(2)}` is not one of {choices}"
    elif match := _TYPE.match(reason):
        article = "an" if match.group(1)[0] in "aeiou" else "a"
        reason = f"`{match.group(2)}` is not {article} {match.group(1)}"
    elif match := _NOT_ACCEPTED.match(reason):
        cls = owner[0].rpartition(".")[2] if owner else model
        reason = f"`{match.group(1)}` is not an option of {cls or path}"
    return f"{path}: {reason}"


def build(config: str) -> str:
    """The model's class name, once built; SystemExit with one line when it cannot be."""
    import importlib

    import yaml
    from jsonargparse import ArgumentParser

    with open(config, encoding="utf-8") as fh:
        tree = yaml.safe_load(fh)
    spec = tree.get("model") if isinstance(tree, dict) else None
    if not isinstance(spec, dict) or not isinstance(spec.get("class_path"), str):
        raise SystemExit(f"model not built: {config} has no model.class_path")
    module, _, name = spec["class_path"].rpartition(".")
    try:
        cls = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError) as exc:
        raise SystemExit(f"model not built: model.class_path {spec['class_path']}: {exc}") from None
    init_args = spec.get("init_args") or {}
    parser = ArgumentParser(exit_on_error=False)
    parser.add_class_arguments(cls, "model")
    try:
        parsed = parser.parse_object({"model": init_args})
        instantiate = getattr(parser, "instantiate", None) or parser.instantiate_classes
        instantiate(parsed)
    except Exception as exc:  # the parser's and the classes' own errors alike
        line = summary(str(exc), name) + _misplaced(str(exc), init_args, _needs_net(parser))
        raise SystemExit(f"model not built from {config}: {line}") from None
    return name


def _needs_net(parser) -> bool:
    """The module takes its network as ``net`` (the parser asks for it when given nothing)."""
    try:
        parser.parse_object({"model": {}})
    except Exception as exc:
        return "model.net" in str(exc)
    return False


def _misplaced(message: str, init_args: object, needs_net: bool) -> str:
    """A hint when the module was given a network's option, or no network at all: the
    layout before networks came through ``model.init_args.net``."""
    import importlib
    import inspect

    stray = re.search(r"does not accept option '(\w+)'", message)
    net = init_args.get("net") if isinstance(init_args, dict) else None
    if needs_net and net is None:
        return (
            " (this config is in the layout before the network had a config of its own:"
            " its class_path and options go under model.init_args.net)"
        )
    if stray is None or not isinstance(net, dict) or not isinstance(net.get("class_path"), str):
        return ""
    module, _, name = net["class_path"].rpartition(".")
    try:
        parameters = inspect.signature(getattr(importlib.import_module(module), name)).parameters
    except (ImportError, AttributeError, TypeError, ValueError):
        return ""
    if stray.group(1) not in parameters:
        return ""
    return "; it is the network's option: put it under model.init_args.net.init_args"


def main(argv: list[str]) -> int:
    config, run_tests, *suite = argv
    import warnings

    warnings.filterwarnings("ignore")  # the build's deprecation notes are not the learner's
    print("model built:", build(config), flush=True)
    warnings.resetwarnings()
    if run_tests != "1":
        return 0
    import pytest

    return int(pytest.main([*suite, "-q", "-x", "-p", "no:cacheprovider", "tests"]))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
