"""Every Korean text a learner can read, collected for the i18n tests: the exercises'
data files and shared messages, every ``Text(...)`` literal in mergecamp's source, and
the conventions hooks' lessons."""

from __future__ import annotations

import ast
import tomllib
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SANDBOX = REPO / "sandbox" / "mergecamp"
HOOKS = REPO / "hooks" / "mergecamp_hooks"


def _toml_texts(value: object, where: str) -> Iterator[tuple[str, str, str]]:
    if isinstance(value, dict):
        if isinstance(value.get("ko"), str) and isinstance(value.get("en"), str):
            yield where, value["en"], value["ko"]
        for key, inner in value.items():
            yield from _toml_texts(inner, f"{where}.{key}")
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            yield from _toml_texts(inner, f"{where}[{i}]")


def _literal(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _source_texts(path: Path) -> Iterator[tuple[str, str, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    rel = path.relative_to(REPO)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            kw = {k.arg: _literal(k.value) for k in node.keywords if k.arg in ("en", "ko")}
            if kw.get("ko") is not None and kw.get("en") is not None:
                yield f"{rel}:{node.lineno}", kw["en"], kw["ko"]
        elif isinstance(node, ast.Dict):
            keys = [_literal(k) for k in node.keys]
            if "ko" in keys and "en" in keys:
                en, ko = (_literal(node.values[keys.index(k)]) for k in ("en", "ko"))
                if en is not None and ko is not None:
                    yield f"{rel}:{node.lineno}", en, ko


def all_texts() -> list[tuple[str, str, str]]:
    """(where, en, ko) for every Korean text with its English side."""
    found: list[tuple[str, str, str]] = []
    for path in sorted((SANDBOX / "exercises").glob("**/*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        found += _toml_texts(data, str(path.relative_to(REPO)))
    for root in (SANDBOX, HOOKS):
        for path in sorted(root.rglob("*.py")):
            found += _source_texts(path)
    return found
