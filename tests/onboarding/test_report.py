"""The instructor's report: validation of hand-ins, the numbers, and every format."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner
from mergecamp import tracks
from mergecamp.cli import main
from mergecamp.progress import apply_event, schema
from mergecamp.report import build, load_all
from mergecamp.report.render_html import to_html
from mergecamp.report.render_json import to_json
from mergecamp.report.render_markdown import to_markdown

from .classgen import make_record, write_class


def _record(name: str, events: list[tuple[str, str, bool | None]]) -> dict:
    record = schema.new_record(name, "2024-03-04T09:00:00.000+00:00")
    for minute, (eid, kind, passed) in enumerate(events, 1):
        apply_event(record, eid, kind, f"2024-03-04T09:{minute:02d}:00.000+00:00", passed)
    record["updated"] = "2024-03-04T10:00:00.000+00:00"
    return schema.seal(record)


@pytest.fixture
def small_class(tmp_path: Path) -> Path:
    folder = tmp_path / "class"
    folder.mkdir()
    ana = _record(
        "Ana",
        [
            ("stage-and-commit", "start", None),
            ("stage-and-commit", "check", False),
            ("stage-and-commit", "check", True),
            ("time-travel", "start", None),
            ("time-travel", "hint", None),
            ("time-travel", "hint", None),
            ("time-travel", "check", False),
        ],
    )
    bo = _record(
        "보라",
        [
            ("stage-and-commit", "start", None),
            ("stage-and-commit", "check", True),
            ("time-travel", "start", None),
            ("time-travel", "check", True),
        ],
    )
    (folder / "ana.json").write_text(json.dumps(ana))
    (folder / "bora.json").write_text(json.dumps(bo, ensure_ascii=False))
    (folder / "broken.json").write_text('{"schema": "mergecamp-progress", ')
    edited = _record("Cy", [("stage-and-commit", "start", None)])
    edited["exercises"]["stage-and-commit"]["hints"] = 0
    edited["exercises"]["stage-and-commit"]["starts"] = 5  # tampered after sealing
    (folder / "cy.json").write_text(json.dumps(edited))
    bad_types = _record("Dee", [])
    bad_types["exercises"]["bisect"] = {"starts": "many"}
    (folder / "sub").mkdir()
    (folder / "sub" / "dee.json").write_text(json.dumps(bad_types))
    (folder / "notes.txt").write_text("not a record, not even looked at")
    return folder


def test_numbers_of_a_small_class(small_class: Path) -> None:
    report = build(load_all([small_class]))
    names = [row.name for row in report.learners]
    assert names == ["Ana", "Cy", "보라"]
    ana = report.learners[0]
    assert ana.cells["stage-and-commit"].passed and ana.cells["stage-and-commit"].attempts == 2
    assert ana.cells["stage-and-commit"].time_s == 120.0
    assert not ana.cells["time-travel"].passed and ana.cells["time-travel"].hints == 2
    assert ana.left[0] == "time-travel" and "stage-and-commit" not in ana.left
    assert [row.edited for row in report.learners] == [False, True, False]
    stats = report.stats["time-travel"]
    assert (stats.started, stats.passed, stats.mean_hints) == (2, 1, 1.0)
    assert report.hardest[0].exercise_id == "time-travel"
    rejected = {r.source.name: r for r in report.rejected}
    assert set(rejected) == {"broken.json", "dee.json"}
    assert rejected["broken.json"].status == "malformed"
    assert any("bisect" in p for p in rejected["dee.json"].problems)


def test_every_format_names_problems(small_class: Path) -> None:
    report = build(load_all([small_class]))
    md = to_markdown(report, "en")
    assert "| Ana |" in md and "✔2 2m" in md and "✘1 h2" in md
    assert "broken.json" in md and "malformed" in md and "cy.json" in md and "edited" in md
    assert "## Hardest exercises" in md and "- **보라**:" in md
    data = json.loads(to_json(report))
    assert [lr["name"] for lr in data["learners"]] == ["Ana", "Cy", "보라"]
    assert data["learners"][0]["exercises"]["stage-and-commit"]["attempts"] == 2
    assert data["hardest"][0] == "time-travel"
    assert {Path(p["source"]).name: p["status"] for p in data["problems"]} == {
        "broken.json": "malformed",
        "dee.json": "malformed",
        "cy.json": "edited",
    }
    html = to_html(report, "ko")
    assert html.startswith("<!doctype html>") and 'lang="ko"' in html
    assert "수업 현황표" in html and "어려워한 연습" in html and "문제가 있는 기록" in html
    assert (
        'id="chart-passed"' in html
        and '<g class="bar" data-exercise="stage-and-commit" data-value="2"' in html
    )
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "<script" not in html


def test_cli_formats(small_class: Path, tmp_path: Path, home: Path) -> None:
    runner = CliRunner()
    term = runner.invoke(main, ["report", str(small_class)])
    assert term.exit_code == 0, term.output
    assert "Ana" in term.output and "broken.json" in term.output
    md = runner.invoke(main, ["--lang", "ko", "report", "--markdown", str(small_class)])
    assert md.exit_code == 0 and "# mergecamp 수업 리포트" in md.output
    js = runner.invoke(main, ["report", "--json", str(small_class / "ana.json")])
    assert js.exit_code == 0 and json.loads(js.output)["learners"][0]["name"] == "Ana"
    page = tmp_path / "out" / "report.html"
    html = runner.invoke(main, ["report", "--html", str(page), str(small_class)])
    assert html.exit_code == 0 and page.read_text().count("<tr data-learner=") == 3


def test_empty_class_and_missing_path(tmp_path: Path, home: Path) -> None:
    runner = CliRunner()
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(main, ["report", str(empty)])
    assert result.exit_code == 0 and "No usable records yet" in result.output
    assert "No usable records yet" in to_markdown(build([]), "en")
    assert json.loads(to_json(build([])))["learners"] == []
    missing = runner.invoke(main, ["report", str(tmp_path / "nope")])
    assert missing.exit_code == 2 and "does not exist" in missing.output
    assert "Traceback" not in missing.output
    none = runner.invoke(main, ["report"])
    assert none.exit_code == 2


def test_only_unusable_records_exit_non_zero(tmp_path: Path, home: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    # Markdown, because the terminal table wraps long temporary paths.
    result = CliRunner().invoke(main, ["report", "--markdown", str(broken)])
    assert result.exit_code == 1
    assert "broken.json" in result.output and "malformed" in result.output
    assert "Traceback" not in result.output


def test_newest_hand_in_of_a_learner_counts(tmp_path: Path) -> None:
    rng = random.Random(1)
    old, new = make_record("Ana", rng), make_record("Ana", rng)
    old["updated"], new["updated"] = "2024-01-01T00:00:00+00:00", "2024-02-01T00:00:00+00:00"
    (tmp_path / "a-old.json").write_text(json.dumps(schema.seal(old)))
    (tmp_path / "a-new.json").write_text(json.dumps(schema.seal(new)))
    report = build(load_all([tmp_path]))
    assert len(report.learners) == 1 and report.learners[0].source.name == "a-new.json"
    assert [(r.source.name, r.status) for r in report.rejected] == [("a-old.json", "superseded")]


def test_a_class_of_200_learners(tmp_path: Path) -> None:
    write_class(tmp_path / "big", 200)
    report = build(load_all([tmp_path / "big"]))
    assert len(report.learners) == 200 and len(report.exercises) == len(tracks.all_ids())
    assert not report.rejected
    md = to_markdown(report, "en")
    assert md.count("| learner ") == 200
    assert len(json.loads(to_json(report))["learners"]) == 200
    assert to_html(report, "en").count("<tr data-learner=") == 200
    passed = sum(row.passed for row in report.learners)
    assert passed == sum(s.passed for s in report.stats.values()) > 0
