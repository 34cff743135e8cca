"""The generated README's lesson table points at code and tests that exist, in both
languages, so a renamed test or file cannot leave the table stale."""

from __future__ import annotations

import re

import pytest
from template_baking import bake


@pytest.mark.parametrize("language", ["en", "ko"])
def test_every_lesson_names_real_code_and_tests(tmp_path, default_project, language):
    project = default_project if language == "en" else bake(tmp_path, docs_language="ko")
    readme = (project / "README.md").read_text(encoding="utf-8")
    heading = "## Lessons of the notes" if language == "en" else "## 강의 노트의 교훈"
    table = readme.split(heading, 1)[1].split("\n\n", 2)[1]
    rows = [line for line in table.splitlines() if line.startswith("| ") and "`" in line]
    assert len(rows) == 6
    package = project / "src" / "sequence_lab"
    tests = "".join(p.read_text(encoding="utf-8") for p in (project / "tests").glob("*.py"))
    for row in rows:
        for name in re.findall(r"`([^`]+)`", row):
            for part in name.split(", "):
                if part.startswith("test_"):
                    assert re.search(rf"def {part.rstrip('*')}", tests), part
                elif part.startswith("tests/"):
                    assert (project / part.split("::")[0]).is_file(), part
                elif part.endswith((".py", ".txt")):
                    assert (package / part).is_file(), part
                elif part.startswith("configs/"):
                    assert (project / part).is_file(), part
