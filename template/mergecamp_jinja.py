"""Jinja extensions for this template: escaping filters, and no templates inside answers.

cookiecutter imports this module by the names in ``_extensions`` (cookiecutter.json); the
name is unusual on purpose, since cookiecutter appends the template folder to the *end* of
``sys.path`` and a common name would lose to any installed module of that name.

Filters (each returns a complete literal, quotes included, so a template never pastes an
answer between quotes of its own):

- ``py_str``: a Python string literal (hooks, generated sources);
- ``toml_str``: a TOML basic string (pyproject.toml);
- ``yaml_str``: a YAML double-quoted scalar (pre-commit and CI files);
- ``sh_str``: one POSIX shell word (a pre-commit ``entry`` is split like a shell line);
- ``md_text``: text shown as itself in Markdown (README, CONTRIBUTING).

``conventions_source(name)`` (a global) is the text of one module of the team's hooks,
``hooks/mergecamp_hooks/<name>`` beside this template (or the installed package when the
template travels inside the mergecamp wheel): the generated project's
``tools/conventions/`` is rendered from that one source, so it never drifts from it.

``template_questions`` (a global) lists cookiecutter.json's questions in order, each as
``[name, choices]`` (``choices`` is null for free text), so that pre_gen_project can check
answers that never met a prompt and report the first question that is wrong.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shlex
from pathlib import Path
from typing import Any

from jinja2 import Environment
from jinja2.exceptions import UndefinedError
from jinja2.ext import Extension

TEMPLATE_DIR = Path(__file__).resolve().parent
# A Jinja tag (statement, expression or comment), and what is left of one after the
# template's own tags are taken out.
TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
TAG_START = re.compile(r"\{\{|\{%|\{#")
# Markdown that changes how text shows anywhere in a line, and at the start of one.
MD_INLINE = frozenset("\\`*_[]<>|~")
MD_LINE_START = re.compile(r"^(?:[#>+=-]|\d{1,9}[.)])")


def _escape(char: str, *, allow_x: bool = True) -> str:
    """``char`` as a backslash escape that Python, YAML and TOML read the same way."""
    code = ord(char)
    if code < 0x100 and allow_x:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def py_str(value: object) -> str:
    """A double-quoted Python literal equal to ``str(value)``; printable text stays readable."""
    body = "".join(
        "\\" + c if c in '\\"' else c if c.isprintable() else _escape(c) for c in str(value)
    )
    return f'"{body}"'


def yaml_str(value: object) -> str:
    """A YAML double-quoted scalar equal to ``str(value)`` (YAML 1.1 and 1.2 alike)."""
    # Python's printable characters are a subset of what YAML allows unescaped.
    body = "".join(
        "\\" + c if c in '\\"' else c if c.isprintable() else _escape(c) for c in str(value)
    )
    return f'"{body}"'


def toml_str(value: object) -> str:
    """A TOML basic string equal to ``str(value)``.

    TOML has no ``\\x`` escape and no escape for a lone surrogate (UTF-8 cannot hold one
    either); pre_gen_project refuses such answers before any file is written.
    """
    text = str(value)
    if any(0xD800 <= ord(c) <= 0xDFFF for c in text):
        raise ValueError(f"{text!r} holds a lone surrogate, which TOML cannot represent")
    body = "".join(
        "\\" + c if c in '\\"' else c if c.isprintable() else _escape(c, allow_x=False)
        for c in text
    )
    return f'"{body}"'


def sh_str(value: object) -> str:
    """One POSIX shell word equal to ``str(value)``."""
    return shlex.quote(str(value))


def md_text(value: object) -> str:
    """``str(value)`` escaped so Markdown shows it as written, not as markup or HTML."""
    text = "".join("\\" + c if c in MD_INLINE else c for c in str(value))
    # A leading '#', '-', '1.' ... would make a heading, a list or a quote of the line:
    # escape its last character ('#', '-', the '.' of '1.').
    return MD_LINE_START.sub(lambda m: m.group(0)[:-1] + "\\" + m.group(0)[-1], text, count=1)


def _strings(value: Any) -> list[str]:
    """Every string inside a JSON value, keys included."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


# No caching across environments: cruft renders an old and a new checkout of the template
# in one folder and one process, with this module imported once (cruft issue #253), so
# each Jinja environment reads the files as they are now.
def _variables() -> dict[str, Any]:
    return json.loads((TEMPLATE_DIR / "cookiecutter.json").read_text(encoding="utf-8"))


def _authored_tags() -> frozenset[str]:
    """The Jinja tags this template's own text renders through ``from_string``.

    That is the defaults in cookiecutter.json, the hook scripts, and the templated file
    and folder names; each is rendered from a string rather than loaded as a file.
    """
    texts = _strings(_variables())
    texts += [p.read_text(encoding="utf-8") for p in (TEMPLATE_DIR / "hooks").glob("*.py")]
    texts += [p.name for p in TEMPLATE_DIR.rglob("*")]
    return frozenset(tag for text in texts for tag in TAG.findall(text))


def hooks_package_dir() -> Path:
    """The folder of the mergecamp_hooks modules that this render must copy.

    cookiecutter renders files with the template's project folder as the working
    directory, so the sibling ``hooks/`` is found from there first: under cruft, which
    renders an old and a new checkout in one process and reuses this module from the
    first one (cruft issue #253), each render still reads its own checkout's hooks.
    """
    for template_root in (Path.cwd().parent, TEMPLATE_DIR):
        candidate = template_root.parent / "hooks" / "mergecamp_hooks"
        if (candidate / "__init__.py").is_file():
            return candidate
    spec = importlib.util.find_spec("mergecamp_hooks")
    if spec is None or spec.origin is None:
        raise FileNotFoundError(
            "the mergecamp_hooks package is neither beside this template nor installed"
        )
    return Path(spec.origin).parent


def conventions_source(name: str) -> str:
    """The source text of ``mergecamp_hooks/<name>``, exactly as it is."""
    return (hooks_package_dir() / name).read_text(encoding="utf-8")


class TemplateSyntaxInAnswer(UndefinedError):
    """An answer holds a Jinja tag the template did not write.

    An UndefinedError, so that cookiecutter reports it as "Unable to render variable
    '<name>'", naming the variable, and stops before it writes anything.
    """


class EscapeFilters(Extension):
    """The escaping filters and ``template_questions``, described in the module docstring."""

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        environment.filters.update(
            py_str=py_str, toml_str=toml_str, yaml_str=yaml_str, sh_str=sh_str, md_text=md_text
        )
        environment.globals["conventions_source"] = conventions_source
        environment.globals["template_questions"] = [
            [name, default if isinstance(default, list) else None]
            for name, default in _variables().items()
            if not name.startswith("_")  # _extensions, __prompts__
        ]


class NoTemplatesInAnswers(Extension):
    """Refuse answers that hold Jinja tags, before cookiecutter runs them.

    Without ``--no-input`` cookiecutter takes typed answers as text, but an answer given
    as extra context (``cookiecutter template 'description={{ ... }}'``), in a user
    config's default_context or through cruft is rendered as a template *while the
    questions are answered*: Jinja there is not sandboxed, so such an answer can run any
    Python. pre_gen_project runs too late to stop it. Every string cookiecutter renders
    passes through here first; file contents (loaded by name) are the template's own, and
    any other string may only carry tags that the template's own text carries.
    """

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        self._authored: frozenset[str] | None = None  # read once per environment

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        if name is not None or not TAG_START.search(source):
            return source
        if self._authored is None:
            self._authored = _authored_tags()
        authored = self._authored
        foreign = [tag for tag in TAG.findall(source) if tag not in authored]
        if foreign or TAG_START.search(TAG.sub("", source)):
            raise TemplateSyntaxInAnswer(
                "an answer (or the output folder's path) contains Jinja template syntax "
                "('{{', '{%' or '{#'), which cookiecutter would run as code; give it as "
                "plain text"
            )
        return source
