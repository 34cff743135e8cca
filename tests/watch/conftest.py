"""Fixtures for the live view's tests: the team track's isolated workspace (one template
render per session, a private home, the progress hooks silenced)."""

from tests.team.conftest import render_cache, workspace  # noqa: F401
