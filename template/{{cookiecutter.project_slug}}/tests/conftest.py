"""Shared helpers: the project root, the configs' parts, and running the CLI in this
process (fast)."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
import yaml

from {{ cookiecutter.package_name }}.cli import SequenceCLI
from {{ cookiecutter.package_name }}.cli import run as run_the_cli
from {{ cookiecutter.package_name }}.errors import LANGUAGE

ROOT = Path(__file__).resolve().parents[1]
CONFIGS = ROOT / "configs"
QUIET = ["--trainer.enable_progress_bar", "false", "--trainer.enable_model_summary", "false"]

#: The networks (configs/model/) and the tasks (the configs/data/ files that name a
#: LightningModule; text-ko.yaml only changes the corpus of one).
MODELS = sorted(path.stem for path in (CONFIGS / "model").glob("*.yaml"))
TASKS = sorted(
    path.stem
    for path in (CONFIGS / "data").glob("*.yaml")
    if "model" in (yaml.safe_load(path.read_text(encoding="utf-8")) or {})
)


def in_language(en: str, ko: str) -> str:
    """The words a message has in the project's docs language, which the CLI prints."""
    return ko if LANGUAGE == "ko" else en


def configs(model: str, task: str, *more: str) -> list[str]:
    """``--config`` arguments composing a task and a network, as the README does:
    ``configs("lstm", "adding", "trainer/tensorboard")`` → data/adding.yaml,
    model/lstm.yaml, then trainer/tensorboard.yaml."""
    files = [f"data/{task}", f"model/{model}", *more]
    return [arg for name in files for arg in ("--config", str(CONFIGS / f"{name}.yaml"))]


@pytest.fixture
def run_cli(tmp_path, monkeypatch):
    """Run ``python -m {{ cookiecutter.package_name }} ARGS`` in-process inside a temporary folder.

    Returns the LightningCLI object and what it printed.
    """
    monkeypatch.chdir(tmp_path)  # logs/ and checkpoints land here, not in the project
    monkeypatch.setattr("sys.argv", [{{ cookiecutter.package_name | py_str }}])  # not pytest's own

    def run(*args: str):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            cli = run_the_cli([*args, *QUIET])
        return cli, out.getvalue()

    return run


@pytest.fixture
def build_cli(run_cli, monkeypatch):
    """Like ``run_cli``, but the CLI stops once it has parsed the configs and built the
    model, the data module and the trainer: the subcommand (``fit``…) does not run."""
    monkeypatch.setattr(SequenceCLI, "_run_subcommand", lambda self, subcommand: None)
    return run_cli
