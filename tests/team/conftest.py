"""Fixtures for the team track: an isolated workspace, a shared render, bash runners.

Rendering the template costs about a second; one render per test session is copied into
each test's workspace cache, so every test still gets its own exercise folders.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mergecamp import engine
from mergecamp.render import rendered_project
from mergecamp.scene import Scene

BIN = str(Path(sys.executable).parent)


@pytest.fixture(scope="session")
def render_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = tmp_path_factory.mktemp("render")
    rendered_project(ws)
    return ws / ".mergecamp" / "cache"


@pytest.fixture
def workspace(tmp_path: Path, render_cache: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    ws = tmp_path / "ws"
    shutil.copytree(render_cache, ws / ".mergecamp" / "cache")
    home = tmp_path / "home"
    home.mkdir()
    # A learner's machine has a global identity; the teammates have their own.
    (home / ".gitconfig").write_text(
        "[user]\n\tname = Test Learner\n\temail = learner@example.com\n"
        "[init]\n\tdefaultBranch = main\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("MERGECAMP_HOME", str(ws))
    monkeypatch.setenv("MERGECAMP_LANG", "en")
    monkeypatch.setenv("MERGECAMP_NO_HOOK", "1")  # the progress hooks; the team hook still runs
    monkeypatch.setenv("PATH", BIN + os.pathsep + os.environ.get("PATH", ""))
    for var in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"):
        monkeypatch.delenv(var, raising=False)
    return ws


def start(workspace: Path, exercise_id: str) -> Scene:
    return engine.start(exercise_id, workspace)


def verdict(scene: Scene) -> dict[str, bool]:
    """step id → passed, plus the messages for failing asserts."""
    report = engine.run_check(scene)
    return {s.id: s.passed for s in report.steps}


def messages(scene: Scene) -> dict[str, str]:
    return {s.id: s.message.en for s in engine.run_check(scene).steps}


def bash(script: str, cwd: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        ["bash", "-e", "-c", script], cwd=cwd, capture_output=True, text=True, env=os.environ.copy()
    )
    if check and proc.returncode != 0:
        raise AssertionError(
            f"bash failed ({proc.returncode}):\n{script}\n{proc.stdout}\n{proc.stderr}"
        )
    return proc


def solve(scene: Scene) -> None:
    exercise = engine.load_exercise(scene.exercise_id)
    bash("\n".join(exercise.solution), scene.root)
