"""Baking helpers for the template's tests: the matrix comes from template/cookiecutter.json.

(A module with a unique name, since test folders here are not packages.)
"""

from __future__ import annotations

import json
from pathlib import Path

from cookiecutter.main import cookiecutter

REPO = Path(__file__).resolve().parents[2]
TEMPLATE = REPO / "template"
VARIABLES = json.loads((TEMPLATE / "cookiecutter.json").read_text(encoding="utf-8"))
MODELS: list[str] = VARIABLES["model"]
TASKS: list[str] = VARIABLES["task"]
DEFAULT_MODEL, DEFAULT_TASK = MODELS[0], TASKS[0]


def bake(output: Path, template: Path = TEMPLATE, **context: str) -> Path:
    """Render the template without questions (and without git) and return the project."""
    return Path(
        cookiecutter(
            str(template),
            no_input=True,
            output_dir=str(output),
            extra_context={"init_git": "no", **context},
        )
    )
