"""Cookiecutter renders only what binaryornot calls text; anything else it copies as is.

binaryornot judges a file by its first 512 bytes, and a cut through a multi-byte UTF-8
character (Korean is three bytes each) can make a text file look binary: the project
would then get the file's raw `{{ cookiecutter.… }}` instead of its rendered text. The
template holds no binary file, so every file must pass as text.
"""

from __future__ import annotations

from cookiecutter.generate import is_binary  # the very check cookiecutter makes
from template_baking import TEMPLATE


def test_cookiecutter_renders_every_template_file():
    project = next(TEMPLATE.glob("{{*}}"))
    files = [p for p in project.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert files
    taken_for_binary = [p.relative_to(project).as_posix() for p in files if is_binary(str(p))]
    assert taken_for_binary == [], (
        f"cookiecutter would copy {taken_for_binary} unrendered (binaryornot calls them "
        "binary from their first 512 bytes, often a Korean character cut at byte 512): "
        "move ASCII text up front or the Korean text further down"
    )
