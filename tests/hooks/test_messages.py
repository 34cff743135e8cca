"""How lessons read: five parts, both languages, no colour codes; language resolution."""

from __future__ import annotations

import re

import pytest
from mergecamp_hooks.branch_name import check_branch
from mergecamp_hooks.commit_msg import check_message
from mergecamp_hooks.no_artifacts import check_files
from mergecamp_hooks.problem import render
from mergecamp_hooks.settings import locale_language, read_project_table, resolve_language
from mergecamp_hooks.texts import LABELS, LESSONS

ALL_PROBLEMS = [
    *check_branch("main", committing=True),
    *check_branch("Feature/X"),
    *check_branch("wip/x"),
    *check_message(""),
    *check_message("Fixed it"),
    *check_message("wip: x"),
    *check_message("feat:"),
    *check_message("feat: " + "x" * 80 + "\nbody"),
    *check_files(["m.ckpt", "wandb/run/x", "big.bin"], size_of=lambda p: 10**7),
]


def test_every_lesson_is_covered_here() -> None:
    assert {p.code for p in ALL_PROBLEMS} == set(LESSONS)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_lesson_has_five_parts_and_no_colour(lang: str) -> None:
    for problem in ALL_PROBLEMS:
        text = render([problem], "x", lang)
        assert "\x1b" not in text
        for label in ("found", "rule", "example", "fix", "why"):
            assert f"{LABELS[lang][label]}:" in text, (problem.code, label)
        assert problem.fix in text
        assert "{" not in text.replace(problem.fix, ""), text  # every placeholder filled


def test_korean_lessons_are_korean_and_polite() -> None:
    for code, texts in LESSONS.items():
        assert re.search(r"[가-힣]", texts["ko"]["title"]), code
        assert texts["ko"]["why"].rstrip().endswith(("요.", "요")), code


def test_language_resolution(tmp_path, monkeypatch) -> None:
    assert resolve_language("ko", {"language": "en"}, {}) == "ko"
    assert resolve_language(None, {"language": "ko"}, {"LANG": "en_US.UTF-8"}) == "ko"
    assert resolve_language(None, {}, {"LANG": "ko_KR.UTF-8"}) == "ko"
    assert resolve_language(None, {}, {"LC_ALL": "C", "LANG": "ko_KR.UTF-8"}) == "en"
    assert locale_language({}) == "en"
    (tmp_path / "pyproject.toml").write_text('[tool.mergecamp]\nlanguage = "ko"\n')
    assert read_project_table(tmp_path) == {"language": "ko"}
    (tmp_path / "pyproject.toml").write_text("[tool.mergecamp\n")
    assert read_project_table(tmp_path) == {}  # broken TOML: warn, never block
