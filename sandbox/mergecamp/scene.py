"""The scene an exercise plays in: its folders, handed to ``setup`` and ``check``.

Layout inside the workspace (nothing is ever written outside it):

    <workspace>/<id>/            the learner's repository (where `start` says to cd)
    <workspace>/<id>-team/       only for team exercises: origin.git (bare) and teammates' clones
    <workspace>/.mergecamp/      mergecamp's own cache (rendered template) and scratch space
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mergecamp.gitread import GitReader


@dataclass
class Scene:
    exercise_id: str
    workspace: Path
    # Where setup writes. During `start` these point at a build folder that is moved
    # into place when setup succeeds; during `check` they are the final folders.
    root: Path
    team_dir: Path | None = None
    # Set for the git hooks' quick check: skip slow steps (running the model's tests).
    quick: bool = False

    @cached_property
    def repo(self) -> GitReader:
        """The learner's repository, read-only, for checks (``mergecamp.gitread``). Setup
        writes history through its own GitPython repo."""
        from mergecamp.gitread import GitReader

        return GitReader(self.root)

    @property
    def origin(self) -> Path | None:
        return None if self.team_dir is None else self.team_dir / "origin.git"
