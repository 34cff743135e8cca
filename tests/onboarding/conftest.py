"""Fixtures for the onboarding tests: an isolated MERGECAMP_HOME and real git repos."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh MERGECAMP_HOME (progress file and workspace) and a fixed learner name."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("MERGECAMP_HOME", str(home))
    monkeypatch.setenv("MERGECAMP_LEARNER", "Test Learner")
    monkeypatch.setenv("MERGECAMP_LANG", "en")
    return home


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture
def branchy_repo(tmp_path: Path) -> Path:
    """A repository with two feature branches, two merges, tags (light and annotated),
    a branch left behind, and HEAD detached on a merge commit."""
    repo = tmp_path / "branchy"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.name", "T")
    git(repo, "config", "user.email", "t@example.invalid")

    def commit(name: str) -> None:
        (repo / name).write_text(name + "\n")
        git(repo, "add", name)
        git(repo, "commit", "-q", "-m", f"add {name}")

    commit("one")
    commit("two")
    git(repo, "switch", "-q", "-c", "feat/a")
    commit("a1")
    commit("a2")
    git(repo, "switch", "-q", "main")
    commit("three")
    git(repo, "switch", "-q", "-c", "fix/b")
    commit("b1")
    git(repo, "switch", "-q", "main")
    git(repo, "merge", "-q", "--no-ff", "-m", "merge feat/a", "feat/a")
    git(repo, "tag", "v1")
    git(repo, "merge", "-q", "--no-ff", "-m", "merge fix/b", "fix/b")
    git(repo, "tag", "-a", "v2", "-m", "release 2")
    commit("four")
    git(repo, "switch", "-q", "-c", "exp/old", "HEAD~3")
    commit("old-idea")
    git(repo, "checkout", "-q", "main~1")
    return repo
