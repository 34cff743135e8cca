"""The harness uses the team track's fixtures for every exercise: a private home and git
identity, the progress hooks silenced, mergecamp's own interpreter first on PATH (the
team track's hooks and `mergecamp pr` need it), one template render per session."""

from tests.team.conftest import render_cache, workspace  # noqa: F401
