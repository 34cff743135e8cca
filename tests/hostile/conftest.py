"""Fixtures for the hostile-input tests, reused from the other suites.

The sandbox's ``git_env`` (autouse) gives every test a private git identity, home and
MERGECAMP_HOME; the hooks' ``repo`` gives a repository with the hooks installed as plain
git hooks. ``git_home`` is redefined here only so the two do not both claim
``tmp_path / "home"``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hooks.conftest import repo  # noqa: F401
from tests.sandbox.conftest import git_env, render_cache, started, workspace  # noqa: F401


@pytest.fixture
def git_home(tmp_path: Path) -> Path:
    home = tmp_path / "hooks-home"
    home.mkdir()
    return home
