"""The baked project's own hooks (tools/conventions/) are hooks/mergecamp_hooks, unchanged."""

from __future__ import annotations

from template_baking import REPO, TEMPLATE, bake

SOURCE = REPO / "hooks" / "mergecamp_hooks"
COPY = TEMPLATE / "{{cookiecutter.project_slug}}" / "tools" / "conventions" / "mergecamp_hooks"


def test_every_hook_module_has_a_place_in_the_template():
    assert {p.name for p in COPY.glob("*.py")} == {p.name for p in SOURCE.glob("*.py")}


def test_the_baked_copy_equals_the_source(default_project):
    baked = default_project / "tools" / "conventions" / "mergecamp_hooks"
    for source in SOURCE.glob("*.py"):
        assert (baked / source.name).read_bytes() == source.read_bytes(), source.name


def test_the_project_messages_use_the_hooks_korean_particles(default_project):
    """src/<package>/korean.py (the project's Korean messages) is the hooks' chooser."""
    (package,) = (default_project / "src").iterdir()
    assert (package / "korean.py").read_bytes() == (SOURCE / "korean.py").read_bytes()


def test_pypi_hooks_leave_no_copy(tmp_path):
    project = bake(tmp_path, hooks_source="pypi")
    assert not (project / "tools").exists()
    assert "tools/conventions" not in (project / ".pre-commit-config.yaml").read_text()
