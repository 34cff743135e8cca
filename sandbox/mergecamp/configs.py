"""YAML configs, parsed and never grepped: reading an option, editing one, and saying
why a config does not parse.

Why a real parser: a line regex reads the first ``activation:`` line, while LightningCLI
(a YAML loader) takes the last. A "resolution" that keeps both sides' lines, or a
``git stash pop`` committed with its conflict markers, looked fine to a regex and is not
what the model trains with. Here a text that YAML would read differently from what it
shows is refused: duplicate keys at any depth, and anything that does not parse (conflict
markers included), each with a ``ConfigError`` that names the key and the lines.

Edits are ruamel.yaml round trips (comments, key order, indentation and the way each
untouched scalar is written all kept), so the exercises' scripted commits keep their
bytes and their hashes.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from mergecamp.i18n import Text

if TYPE_CHECKING:
    from ruamel.yaml import YAML
    from yaml.error import YAMLError
    from yaml.nodes import Node

__all__ = [
    "ConfigError",
    "config_problems",
    "copy_section",
    "find_option",
    "load",
    "misplaced",
    "network",
    "read_option",
    "set_option",
]

YAML_SUFFIXES = (".yaml", ".yml")

# git writes its conflict markers at the start of a line, seven characters long.
_MARKERS = ("<<<<<<<", "=======", ">>>>>>>", "|||||||")

# --- messages (kept here so a test can compare the two languages) -----------------

DUPLICATE = Text(
    en="`{key}` appears {times}, on {lines}: YAML keeps only the last one, so the config "
    "does not say what it shows. Keep one `{key}` line",
    ko="`{key}` 키가 {lines}에 {times} 있어요. YAML은 마지막 것만 읽어서 보이는 값과 다르게 "
    "학습될 수 있어요. `{key}` 줄은 하나만 남기세요",
)
DUPLICATE_IN = Text(
    en="`{key}` appears {times} in `{parent}`, on {lines}: YAML keeps only the last one, so "
    "the config does not say what it shows. Keep one `{key}` line",
    ko="`{parent}` 안에 `{key}` 키가 {lines}에 {times} 있어요. YAML은 마지막 것만 읽어서 "
    "보이는 값과 다르게 학습될 수 있어요. `{key}` 줄은 하나만 남기세요",
)
MARKER = Text(
    en="line {line} is a conflict marker (`{marker}`): the merge or `git stash pop` is not "
    "resolved yet. Keep the lines you want and delete the `<<<<<<<`, `=======` and "
    "`>>>>>>>` lines",
    ko="{line}번째 줄에 충돌 표시(`{marker}`)가 남아 있어요. 머지나 `git stash pop`의 충돌이 "
    "아직 해결되지 않았어요. 남길 줄만 두고 `<<<<<<<`, `=======`, `>>>>>>>` 줄은 지우세요",
)
SYNTAX = Text(
    en="line {line} does not read as YAML: {reason}",
    ko="{line}번째 줄을 YAML로 읽을 수 없어요: {reason}",
)
# ruamel's problem → a short reason in both languages; anything else gets the last one.
REASONS: tuple[tuple[str, Text], ...] = (
    (
        "mapping values are not allowed",
        Text(
            en="a `key: value` where YAML does not expect one (check the indentation)",
            ko="`key: value`가 올 수 없는 자리예요(들여쓰기를 확인하세요)",
        ),
    ),
    (
        "could not find expected ':'",
        Text(
            en="a line without `key: value` inside a mapping",
            ko="설정 안에 `key: value` 모양이 아닌 줄이 있어요",
        ),
    ),
    (
        "cannot start any token",
        Text(
            en="a character YAML cannot start a value with (a tab? YAML indents with spaces)",
            ko="YAML 값이 시작될 수 없는 문자가 있어요(탭인가요? 들여쓰기는 공백으로 해요)",
        ),
    ),
    (
        "end of stream",
        Text(
            en="the file ends inside a quoted value or a bracket",
            ko="따옴표나 괄호가 닫히지 않은 채 파일이 끝나요",
        ),
    ),
    (
        "undefined alias",
        Text(
            en="a `*name` alias with no `&name` anchor before it",
            ko="앞에 `&name` 앵커가 없는 `*name` 별칭이 있어요",
        ),
    ),
    (
        "",
        Text(
            en="the indentation or the `key: value` form is off",
            ko="들여쓰기나 `key: value` 모양이 맞지 않아요",
        ),
    ),
)
NOT_A_MAPPING = Text(
    en="a config is one `key: value` mapping, and this file is not",
    ko="설정 파일은 `key: value` 매핑 하나여야 하는데 이 파일은 아니에요",
)
MESSAGES: tuple[Text, ...] = (
    DUPLICATE,
    DUPLICATE_IN,
    MARKER,
    SYNTAX,
    NOT_A_MAPPING,
    *(reason for _, reason in REASONS),
)

_TIMES_EN = {2: "twice", 3: "three times"}
_TIMES_KO = {2: "두 번", 3: "세 번", 4: "네 번"}


class ConfigError(ValueError):
    """A config text that does not parse. ``message`` is a mergecamp.i18n.Text (en+ko,
    Korean 해요체) naming the problem: for duplicates, which key and which lines
    ("`activation` appears twice, on lines 12 and 14"); for syntax errors (e.g. conflict
    markers), the line and a short reason (never a traceback fragment)."""

    key: str | None
    lines: tuple[int, ...]
    message: Text
    code: str  # "duplicate-key" | "syntax"
    path: str | None  # set by config_problems: the file it is about

    def __init__(self, code: str, message: Text, lines: tuple[int, ...], key: str | None = None):
        super().__init__(message.en)
        self.code = code
        self.message = message
        self.lines = lines
        self.key = key
        self.path = None

    def __repr__(self) -> str:
        return f"ConfigError({self.code!r}, key={self.key!r}, lines={self.lines!r})"


# --- parsing ------------------------------------------------------------------------


def _yaml() -> YAML:
    """A round-trip loader/dumper (refuses duplicate keys; keeps comments and styles).
    ruamel is imported here, not at the top: the hooks' quick check imports this module
    after every git command and parses nothing unless a config changed."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long value on the way back out
    # ruamel writes a null back as nothing (`readout:`); the configs write `null`, and an
    # edit of another option must not rewrite that line.
    yaml.representer.add_representer(type(None), _null_as_written)
    return yaml


def _null_as_written(representer, _value):
    return representer.represent_scalar("tag:yaml.org,2002:null", "null")


def load(text: str) -> dict:
    """The config as a plain mapping; ``ConfigError`` when YAML would read it differently
    from what it shows, or cannot read it at all.

    An empty text (or one of only comments) is an empty mapping. A config is one mapping:
    a bare scalar, a list or several documents are a syntax error too.
    """
    documents = _parse_all(text)
    if not documents:
        return {}
    tree, line = documents[0]
    if len(documents) > 1:
        line = documents[1][1]
    if len(documents) > 1 or not isinstance(tree, dict):
        raise ConfigError("syntax", _syntax_text(line, NOT_A_MAPPING), (line,))
    return tree


def _parse_all(text: str) -> list[tuple[object, int]]:
    """Every document in ``text`` with the line it starts on, once none of them has a
    conflict marker, a duplicate key or a syntax error."""
    return [(_construct(root), root.start_mark.line + 1) for root in _nodes(text)]


@functools.lru_cache(maxsize=32)
def _nodes(text: str) -> tuple[Node, ...]:
    """The documents' node trees, checked. Reading uses PyYAML's C parser (libyaml):
    these run in the check after every git command, where ruamel's pure-Python parser
    costs tens of milliseconds; ruamel is kept for round-trip edits (``set_option``)."""
    import yaml

    marker = _first_marker(text)
    if marker is not None:
        raise _marker_error(*marker)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        roots = tuple(yaml.compose_all(text, Loader=loader))
    except yaml.YAMLError as err:
        raise _syntax_error(err) from None
    for root in roots:
        _check_duplicates(root, ())
    return roots


def _construct(root: Node) -> object:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)("")
    try:
        return loader.construct_document(root)
    finally:
        loader.dispose()


def _first_marker(text: str) -> tuple[int, str] | None:
    for number, line in enumerate(text.splitlines(), start=1):
        head = line[:7]
        if head in _MARKERS and (len(line) == 7 or line[7] in " \t"):
            return number, head
    return None


def _marker_error(line: int, marker: str) -> ConfigError:
    return ConfigError("syntax", MARKER.format(line=line, marker=marker), (line,))


def _mark_line(err: Exception) -> int:
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    return mark.line + 1 if mark is not None else 0


def _syntax_error(err: YAMLError) -> ConfigError:
    from yaml.error import MarkedYAMLError

    problem = (getattr(err, "problem", None) or "") if isinstance(err, MarkedYAMLError) else ""
    problem = problem.replace("<stream end>", "end of stream")
    reason = next(text for needle, text in REASONS if needle in problem)
    line = _mark_line(err)
    return ConfigError("syntax", _syntax_text(line or "?", reason), (line,) if line else ())


def _syntax_text(line: int | str, reason: Text) -> Text:
    return Text(
        en=SYNTAX.en.format(line=line, reason=reason.en),
        ko=SYNTAX.ko.format(line=line, reason=reason.ko),
    )


def _check_duplicates(node: Node, path: tuple[str, ...]) -> None:
    """Refuse a mapping that names the same key twice, at any depth, naming every line."""
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode

    if isinstance(node, SequenceNode):
        for item in node.value:
            _check_duplicates(item, path)
        return
    if not isinstance(node, MappingNode):
        return
    seen: dict[tuple[str, str], list[int]] = {}
    for key_node, _value in node.value:
        if isinstance(key_node, ScalarNode) and key_node.value != "<<":
            seen.setdefault((key_node.tag, key_node.value), []).append(key_node.start_mark.line + 1)
    for (_tag, key), lines in seen.items():
        if len(lines) > 1:
            raise ConfigError(
                "duplicate-key", _duplicate_text(key, path, tuple(lines)), tuple(lines), key
            )
    for key_node, value in node.value:
        name = key_node.value if isinstance(key_node, ScalarNode) else "?"
        _check_duplicates(value, (*path, str(name)))


def _duplicate_text(key: str | None, path: tuple[str, ...], lines: tuple[int, ...]) -> Text:
    key = key if key is not None else "?"
    count = max(len(lines), 2)
    shown = [str(n) for n in lines if n] or ["?"]
    if len(shown) == 1:
        lines_en, lines_ko = f"line {shown[0]}", f"{shown[0]}번째 줄"
    else:
        lines_en = "lines " + ", ".join(shown[:-1]) + " and " + shown[-1]
        lines_ko = (
            f"{shown[0]}번째 줄과 {shown[1]}번째 줄"
            if len(shown) == 2
            else ", ".join(shown) + "번째 줄"
        )
    template = DUPLICATE_IN if path else DUPLICATE
    fields = {"key": _shown(key), "parent": _shown(".".join(path))}
    return Text(
        en=template.en.format(
            **fields, lines=lines_en, times=_TIMES_EN.get(count, f"{count} times")
        ),
        ko=template.ko.format(**fields, lines=lines_ko, times=_TIMES_KO.get(count, f"{count}번")),
    )


def _shown(name: str) -> str:
    """A key from the file, safe inside a `code` span and a terminal: printable, no
    backticks, not too long."""
    clean = "".join(ch if ch.isprintable() and ch != "`" else "?" for ch in name)
    return clean if len(clean) <= 60 else clean[:57] + "..."


# --- reading ------------------------------------------------------------------------


def _locate(tree: object, key: str) -> tuple[Mapping, object] | None:
    """The mapping that holds the first ``key`` in document order, and the key itself."""
    if isinstance(tree, Mapping):
        for name, value in tree.items():
            if name == key:
                return tree, name
            found = _locate(value, key)
            if found is not None:
                return found
    elif isinstance(tree, Sequence) and not isinstance(tree, str | bytes):
        for item in tree:
            found = _locate(item, key)
            if found is not None:
                return found
    return None


def find_option(tree: Mapping, key: str) -> object | None:
    """The value of ``key`` anywhere in the tree (depth-first, first in document order),
    None if absent."""
    found = _locate(tree, key)
    return None if found is None else found[0][found[1]]


def read_option(text: str | None, key: str) -> str | None:
    """The value of option ``key`` as a plain string, as the file writes it ("0.10" stays
    "0.10", booleans are "true"/"false", a null is "null"); None when the option is absent
    or not a scalar, and when the text does not parse (duplicate keys, conflict markers):
    such a config has no trustworthy value.

    The first ``key`` in document order, but a network's option is read where the
    project reads it, in ``model.init_args.net.init_args``: the same name written
    elsewhere (``model.init_args.arch``, the layout before #14) is not the network's."""
    roots = _trusted_roots(text)
    for root in roots:
        network = _path_node(root, NETWORK)
        node = _child(network, key) if network is not None else None
        if node is None:
            node = _find_node(root, key)
        if node is not None:
            return _scalar_text(node)
    return None


def _trusted_roots(text: str | None) -> tuple[Node, ...]:
    """The documents of ``text``, or none when there is no text or it does not parse
    (duplicate keys, conflict markers): such a config has no trustworthy value."""
    if text is None:
        return ()
    try:
        return _nodes(text)
    except ConfigError:
        return ()


# Where LightningCLI reads the network's options (the template's configs since #14).
NETWORK = ("model", "init_args", "net", "init_args")


def misplaced(text: str | None, key: str) -> str | None:
    """The dotted path of a ``key`` written outside the network's options when the
    network has that option too (``model.init_args.hidden_size`` beside
    ``model.init_args.net.init_args.hidden_size``): the project does not read it there
    (LightningCLI refuses it). None when there is no such stray, or the text does not
    parse."""
    roots = _trusted_roots(text)
    for root in roots:
        network = _path_node(root, NETWORK)
        if network is None or _child(network, key) is None:
            continue
        for path in _key_paths(root, key, ()):
            if path[:-1] != NETWORK:
                return ".".join(path)
    return None


# The networks by their class (model.init_args.net.class_path), as configs/model/ names them.
_NETWORKS = {"ConvNet": "conv1d", "TransformerNet": "transformer"}


def network(text: str | None) -> str | None:
    """Which network the config builds, as configs/model/ names it: a RecurrentNet's
    ``arch`` (rnn | lstm | gru), ``conv1d`` or ``transformer``; another class by its own
    name. None when the config names no network or does not parse."""
    roots = _trusted_roots(text)
    net = _path_node(roots[0], NETWORK[:-1]) if roots else None
    class_path = _child(net, "class_path") if net is not None else None
    name = _scalar_text(class_path) if class_path is not None else None
    if name is None:
        return None
    name = name.rpartition(".")[2]
    if name == "RecurrentNet":
        network_args = _path_node(roots[0], NETWORK)
        arch = _child(network_args, "arch") if network_args is not None else None
        return _scalar_text(arch) if arch is not None else "lstm"  # RecurrentNet's default
    return _NETWORKS.get(name, name)


def _path_node(node: Node, path: tuple[str, ...]) -> Node | None:
    """The mapping node at ``path`` (exact keys), None when there is none."""
    from yaml.nodes import MappingNode

    for name in path:
        if not isinstance(node, MappingNode):
            return None
        child = _child(node, name)
        if child is None:
            return None
        node = child
    return node if isinstance(node, MappingNode) else None


def _child(mapping: Node, key: str) -> Node | None:
    """The value of ``key`` in ``mapping`` itself (not deeper), None when absent."""
    from yaml.nodes import ScalarNode

    return next((v for k, v in mapping.value if isinstance(k, ScalarNode) and k.value == key), None)


def _key_paths(node: Node, key: str, path: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Every path to a ``key`` under ``node``, in document order."""
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode

    found: list[tuple[str, ...]] = []
    if isinstance(node, MappingNode):
        for key_node, value in node.value:
            name = key_node.value if isinstance(key_node, ScalarNode) else "?"
            if name == key:
                found.append((*path, name))
            found += _key_paths(value, key, (*path, str(name)))
    elif isinstance(node, SequenceNode):
        for item in node.value:
            found += _key_paths(item, key, path)
    return found


def _find_node(node: Node, key: str) -> Node | None:
    """The value node of the first ``key`` in document order, depth-first."""
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode

    if isinstance(node, MappingNode):
        for key_node, value in node.value:
            if isinstance(key_node, ScalarNode) and key_node.value == key:
                return value
            found = _find_node(value, key)
            if found is not None:
                return found
    elif isinstance(node, SequenceNode):
        for item in node.value:
            found = _find_node(item, key)
            if found is not None:
                return found
    return None


def _scalar_text(node: Node) -> str | None:
    from yaml.nodes import ScalarNode

    if not isinstance(node, ScalarNode):
        return None
    if node.tag.endswith(":null"):
        return "null"
    if node.tag.endswith(":bool"):
        return "true" if node.value.lower() in ("true", "yes", "on", "y") else "false"
    return str(node.value)


# --- editing ------------------------------------------------------------------------


def set_option(path: Path, key: str, value: str) -> None:
    """Set the first ``key`` (in document order) of the YAML config at ``path`` to
    ``value`` (YAML text: "0.1" is a float, "swish" a string), round trip: comments, key
    order and indentation kept. ``LookupError`` when the config has no such key,
    ``ConfigError`` when it does not parse."""
    text = path.read_text(encoding="utf-8")
    load(text)  # refuses what does not parse, duplicate keys included
    yaml = _yaml()
    tree = yaml.load(text)
    found = _locate(tree, key)
    if found is None:
        raise LookupError(f"{path.name} has no line for {key!r}")
    from ruamel.yaml.scalarstring import PlainScalarString
    from ruamel.yaml.util import load_yaml_guess_indent

    _, indent, block_seq_indent = load_yaml_guess_indent(text)
    mapping_indent = indent or 2
    yaml.indent(mapping=mapping_indent, sequence=mapping_indent, offset=block_seq_indent or 0)
    parent, name = found
    new = yaml.load(value) if value.strip() else None
    if type(new) is str:  # plain, as given: a new value does not inherit the old one's quotes
        new = PlainScalarString(new)
    parent[name] = new  # type: ignore[index]
    out = io.StringIO()
    yaml.dump(tree, out)
    path.write_text(out.getvalue(), encoding="utf-8")


def copy_section(path: Path, keys: tuple[str, ...], source: Path) -> None:
    """Replace the mapping at ``keys`` in the config at ``path`` with the one at the same
    ``keys`` in ``source``, comments and all: switching the network is copying
    ``model.init_args.net`` from configs/model/<name>.yaml, as the template's README says.
    ``LookupError`` when either file lacks it."""
    yaml = _yaml()
    text = path.read_text(encoding="utf-8")
    load(text)
    tree, donor = yaml.load(text), yaml.load(source.read_text(encoding="utf-8"))
    *parents, last = keys
    target = tree
    for name in parents:
        target, donor = target[name], donor[name]
    if last not in target or last not in donor:
        raise LookupError(f"{path.name} or {source.name} has no {'.'.join(keys)}")
    target[last] = donor[last]
    from ruamel.yaml.util import load_yaml_guess_indent

    _, indent, _ = load_yaml_guess_indent(text)
    yaml.indent(mapping=indent or 2, sequence=indent or 2, offset=0)
    out = io.StringIO()
    yaml.dump(tree, out)
    path.write_text(out.getvalue(), encoding="utf-8")


# --- for the invariants --------------------------------------------------------------


def config_problems(files: Mapping[str, str | None]) -> list[ConfigError]:
    """The parse errors (conflict markers, duplicate keys, broken YAML) in the YAML files
    among ``files`` (path → text; None for a file that is absent), in path order. Each
    error's ``path`` names its file; any YAML document passes, not only a mapping."""
    problems = []
    for name in sorted(files):
        text = files[name]
        if text is None or not name.lower().endswith(YAML_SUFFIXES):
            continue
        try:
            _nodes(text)
        except ConfigError as err:
            err.path = name
            problems.append(err)
    return problems
