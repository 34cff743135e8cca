"""The team conventions in one place, so every hook and the sandbox agree on them.

The defaults follow DESIGN.md ("Conventions the hooks teach"); a project changes them
through `[tool.mergecamp]` in its pyproject.toml or through hook arguments.
"""

from __future__ import annotations

import re

#: Types allowed both as a branch prefix (`exp/gru-dropout`) and a commit type
#: (`exp: try dropout 0.3`). One list keeps branch and commit vocabulary the same.
DEFAULT_TYPES: tuple[str, ...] = (
    "feat",
    "fix",
    "exp",
    "docs",
    "refactor",
    "test",
    "chore",
    "ci",
    "perf",
    "build",
    "hotfix",
)

DEFAULT_BRANCH = "main"

#: First line of a commit message, counted in characters (a Korean syllable is one).
MAX_HEADER_CHARS = 72

#: Above this size a staged file is treated as data, not source.
DEFAULT_MAX_KB = 500

#: Model weights and exported models: they belong in artifact storage, not in git.
WEIGHT_SUFFIXES: tuple[str, ...] = (".ckpt", ".pt", ".pth", ".safetensors", ".onnx")

#: Folders that experiment loggers write into; one run can add thousands of files.
LOG_DIRS: tuple[str, ...] = (
    "lightning_logs",
    "wandb",
    "mlruns",
    "tb_logs",
    "multirun",
    ".neptune",
)

#: TensorBoard event files, wherever a logger put them.
LOG_FILE_RE = re.compile(r"(^|/)events\.out\.tfevents\.[^/]*$")

#: `<type>/<topic>`: topic is lowercase ascii words joined by `-` (`.` and `_` allowed).
BRANCH_RE = re.compile(r"^(?P<type>[^/]+)/(?P<topic>[^/]+)$")
TOPIC_RE = re.compile(r"^[a-z0-9]+(?:[-._][a-z0-9]+)*$")


def parse_types(value: str | list[str] | tuple[str, ...] | None) -> tuple[str, ...]:
    """Turn `"feat,fix"` (an argument) or `["feat", "fix"]` (TOML) into a clean tuple."""
    if value is None:
        return DEFAULT_TYPES
    items = value.split(",") if isinstance(value, str) else list(value)
    types = tuple(dict.fromkeys(str(item).strip() for item in items if str(item).strip()))
    if not types:
        raise ValueError("the list of types is empty")
    for item in types:
        if not re.fullmatch(r"[a-z][a-z0-9-]*", item):
            raise ValueError(f"type {item!r} must be lowercase letters, digits or '-'")
    return types
