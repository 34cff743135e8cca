"""The generated project's own tests, run with this interpreter (no reinstall of torch).

The default bake runs its whole fast suite and its slow one; every other model × task
bake runs, in one process, the test that trains on its own configs/default.yaml and
tests/test_configs.py, which proves that file is its configs/data/<task>.yaml and
configs/model/<model>.yaml composed (the code is the same in every bake, only the default
config and the docs change), so all 15 combinations are proven.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from template_baking import DEFAULT_MODEL, DEFAULT_TASK, MODELS, TASKS, bake

pytestmark = pytest.mark.slow
DEFAULT_CONFIG_TEST = "tests/test_training.py::test_default_config_fast_dev_run"
OTHERS = [(m, t) for m in MODELS for t in TASKS if (m, t) != (DEFAULT_MODEL, DEFAULT_TASK)]


def project_pytest(project: Path, *args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    # One thread per process: with two xdist workers that fills two cores without the
    # oversubscription that makes small LSTMs slower, not faster.
    env["OMP_NUM_THREADS"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
        cwd=project, env=env, capture_output=True, text=True, timeout=timeout,
    )  # fmt: skip


def test_default_project_fast_suite(default_project):
    done = project_pytest(default_project, "-m", "not slow")
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert " passed" in done.stdout and "failed" not in done.stdout


def test_default_project_slow_suite(default_project):
    done = project_pytest(default_project, "-m", "slow")
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert " passed" in done.stdout and "failed" not in done.stdout


@pytest.mark.parametrize("model,task", OTHERS, ids=[f"{m}-{t}" for m, t in OTHERS])
def test_each_bake_trains_on_its_default_config_and_it_composes(tmp_path, model, task):
    project = bake(tmp_path, model=model, task=task)
    done = project_pytest(project, "-rA", "tests/test_configs.py", DEFAULT_CONFIG_TEST)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert f"PASSED {DEFAULT_CONFIG_TEST}" in done.stdout
    assert "PASSED tests/test_configs.py::" in done.stdout
    assert "SKIPPED" not in done.stdout


def test_the_elman_rnn_on_adding_shows_the_lesson(tmp_path):
    """Its default config cannot beat the baseline in five epochs: the slow test says so
    (the RNN stays near it, an LSTM beats it) instead of failing."""
    project = bake(tmp_path, model="rnn", task="adding")
    done = project_pytest(project, "tests/test_slow.py", "-k", "beats_the_baseline")
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "1 passed" in done.stdout
