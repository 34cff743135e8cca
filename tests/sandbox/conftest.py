"""Fixtures for the sandbox tests: a private git identity and home, a shared render cache.

Every test gets its own workspace, but the rendered template is shared for the whole
session (rendering is the slow part of `start`): each workspace's
``.mergecamp/cache`` is a link to one session folder.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from mergecamp import engine
from mergecamp.scene import Scene


@pytest.fixture(scope="session")
def render_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("render-cache")


@pytest.fixture(autouse=True)
def git_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A deterministic git identity, no user or system config, hooks silenced."""
    home = tmp_path / "home"
    home.mkdir()
    gitconfig = home / ".gitconfig"
    gitconfig.write_text(
        "[user]\n\tname = Test Learner\n\temail = learner@example.com\n"
        "[init]\n\tdefaultBranch = main\n[advice]\n\tdetachedHead = false\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(gitconfig))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("MERGECAMP_HOME", str(home / "mergecamp-home"))
    monkeypatch.setenv("MERGECAMP_NO_HOOK", "1")
    monkeypatch.setenv("MERGECAMP_LANG", "en")
    monkeypatch.setenv("GIT_EDITOR", "true")
    for var in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "LC_ALL", "LANG"):
        monkeypatch.delenv(var, raising=False)
    return home


@pytest.fixture
def workspace(tmp_path: Path, render_cache: Path) -> Path:
    ws = tmp_path / "ws"
    (ws / ".mergecamp").mkdir(parents=True)
    (ws / ".mergecamp" / "cache").symlink_to(render_cache, target_is_directory=True)
    return ws


@pytest.fixture
def started(workspace: Path):
    """``started("id")`` builds an exercise and returns its Scene."""

    def _start(exercise_id: str) -> Scene:
        return engine.start(exercise_id, workspace)

    return _start


def sh(script: str, cwd: Path, *, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run a bash script in ``cwd`` (as a learner would type it)."""
    proc = subprocess.run(
        ["bash", "-c", script],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=dict(os.environ),
        check=False,
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"{script!r} failed:\n{proc.stdout}\n{proc.stderr}")
    return proc


def failing(report) -> dict[str, str]:
    """Failing step id → English message."""
    return {s.id: s.message.en for s in report.steps if not s.passed}
