"""Shared helpers: the project root, and running the CLI in this process (fast)."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from {{ cookiecutter.package_name }}.cli import run as run_the_cli

ROOT = Path(__file__).resolve().parents[1]
CONFIGS = ROOT / "configs"
QUIET = ["--trainer.enable_progress_bar", "false", "--trainer.enable_model_summary", "false"]


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
