"""The shared default bake."""

from __future__ import annotations

from pathlib import Path

import pytest
from template_baking import bake


@pytest.fixture(scope="session")
def default_project(tmp_path_factory) -> Path:
    """One project baked with every default, shared by the tests that only read it."""
    return bake(tmp_path_factory.mktemp("default"))
