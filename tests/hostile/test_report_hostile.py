"""The class report on records written by hand to break it: every one is refused with
one line naming the file and the field, or shown literally; the others still count."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from mergecamp.cli import main
from mergecamp.progress import apply_event, schema
from mergecamp.report import build, load_all
from mergecamp.report.render_html import to_html
from mergecamp.report.render_markdown import to_markdown

WIDE = {"COLUMNS": "400"}  # the terminal view wraps long reasons; keep each on one line
FORCED = {**WIDE, "FORCE_COLOR": "1", "TERM": "xterm-256color"}  # as on a real terminal


def _record(name: str, eid: str = "stage-and-commit") -> dict:
    record = schema.new_record(name, "2024-03-04T09:00:00.000+00:00")
    apply_event(record, eid, "start", "2024-03-04T09:01:00.000+00:00")
    apply_event(record, eid, "check", "2024-03-04T09:02:00.000+00:00", True)
    record["updated"] = "2024-03-04T10:00:00.000+00:00"
    return schema.seal(record)


def _class(tmp_path: Path, **hostile: str) -> Path:
    """A class folder with one good record (Ana) and the given files."""
    folder = tmp_path / "class"
    folder.mkdir()
    (folder / "ana.json").write_text(json.dumps(_record("Ana")), encoding="utf-8")
    for name, text in hostile.items():
        (folder / f"{name}.json").write_text(text, encoding="utf-8")
    return folder


def _report(*args: str, env: dict[str, str] | None = None):
    result = CliRunner().invoke(main, ["report", *args], env=env or WIDE)
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "unexpected error" not in result.output
    return result


def _markdown_reason(folder: Path, file: str) -> str:
    """The one line the Markdown report gives a refused file."""
    md = _report("--markdown", str(folder)).output
    lines = [line for line in md.splitlines() if line.startswith("- ") and file in line]
    assert len(lines) == 1, md
    return lines[0]


def test_rich_markup_in_an_exercise_id_is_refused_and_shown_literally(tmp_path, git_env) -> None:
    bad = json.dumps(_record("Bo", eid="[/red]"))
    folder = _class(tmp_path, bo=bad)
    result = _report(str(folder))
    assert result.exit_code == 0  # Ana still counts
    assert "Ana" in result.output
    assert 'exercises["[/red]"]: unknown exercise id' in result.output  # literal, not markup
    alone = _report(str(folder / "bo.json"))
    assert alone.exit_code == 1 and "[/red]" in alone.output
    line = _markdown_reason(folder, "bo.json")
    assert "malformed, not used" in line and "unknown exercise id" in line
    assert '\\["\\[/red\\]"\\]' in line  # Markdown escapes the brackets


def test_a_link_in_an_exercise_id_is_not_a_link(tmp_path, git_env) -> None:
    link = "[link=https://evil.example]click[/link]"
    folder = _class(tmp_path, bo=json.dumps(_record("Bo", eid=link)))
    result = _report(str(folder), env=FORCED)
    assert result.exit_code == 0
    assert "\x1b]8;" not in result.output  # no OSC 8 hyperlink
    assert link in result.output


def test_rich_markup_in_a_learner_name_shows_literally(tmp_path, git_env) -> None:
    name = "[/red][link=https://evil.example]Bo[/link] [bold]x"
    folder = _class(tmp_path, bo=json.dumps(_record(name)))
    result = _report(str(folder), env=FORCED)
    assert result.exit_code == 0
    assert "\x1b]8;" not in result.output
    assert name in result.output
    report = build(load_all([folder]))
    md = to_markdown(report, "en")
    assert "\\[/red\\]\\[link=https://evil.example\\]Bo\\[/link\\] \\[bold\\]x" in md
    html = to_html(report, "en")
    assert f'data-learner="{name}"' in html and "<bold>" not in html


def test_deep_nesting_is_refused_without_recursion(tmp_path, git_env) -> None:
    folder = _class(tmp_path, deep="[" * 100_000 + "]" * 100_000)
    result = _report(str(folder))
    assert result.exit_code == 0 and "Ana" in result.output
    reason = "nested 100000 levels deep; a record nests at most 8"
    assert reason in _markdown_reason(folder, "deep.json")
    inside = json.dumps(_record("Cy"))[:-1] + ', "x": ' + "[" * 50 + "]" * 50 + "}"
    (folder / "cy.json").write_text(inside, encoding="utf-8")
    assert "nested 51 levels deep" in _markdown_reason(folder, "cy.json")
    alone = _report(str(folder / "deep.json"))
    assert alone.exit_code == 1


@pytest.mark.parametrize("constant", ["Infinity", "-Infinity", "NaN", "1e999"])
def test_time_to_pass_that_is_not_finite_is_refused(tmp_path, git_env, constant) -> None:
    text = json.dumps(_record("Bo")).replace(
        '"time_to_pass_s": 60.0', f'"time_to_pass_s": {constant}'
    )
    assert constant in text
    folder = _class(tmp_path, bo=text)
    for fmt in ([], ["--markdown"], ["--json"], ["--html", str(tmp_path / "r.html")]):
        result = _report(*fmt, str(folder))
        assert result.exit_code == 0, (fmt, result.output)
    line = _markdown_reason(folder, "bo.json")
    field = "exercises.stage-and-commit.time\\_to\\_pass\\_s"  # Markdown-escaped underscores
    assert f'{field}: "{constant}" is not a finite number' in line
    assert _report(str(folder / "bo.json")).exit_code == 1


def test_escape_sequences_in_a_name_never_reach_the_output(tmp_path, git_env) -> None:
    name = "Eve\x1b]8;;https://evil.example\x07x\x1b]8;;\x07\x1b[31mRED\x9b2J"
    folder = _class(tmp_path, eve=json.dumps(_record(name)))
    plain = _report(str(folder))
    assert plain.exit_code == 0 and "\x1b" not in plain.output and "\x9b" not in plain.output
    assert "Eve␛]8;;https://evil.example␇x␛]8;;␇␛[31mRED\\x9b2J" in plain.output
    forced = _report(str(folder), env=FORCED)
    assert "Eve\x1b" not in forced.output and "\x1b]8;" not in forced.output
    md = _report("--markdown", str(folder)).output
    assert "\x1b" not in md and "Eve␛\\]8;;" in md
    page = tmp_path / "r.html"
    _report("--html", str(page), str(folder))
    assert "\x1b" not in page.read_text(encoding="utf-8")
    js = _report("--json", str(folder)).output
    assert "\x1b" not in js and json.loads(js)["learners"][1]["name"] == name


def test_markdown_and_html_take_no_formatting_from_a_name(tmp_path, git_env) -> None:
    name = "*b* _i_ `c` |d| <img src=x onerror=alert(1)> [l](http://x) \"q' &amp;"
    folder = _class(tmp_path, bo=json.dumps(_record(name)))
    report = build(load_all([folder]))
    md = to_markdown(report, "en")
    row = next(line for line in md.splitlines() if line.startswith("| \\*b\\*"))
    assert row.count(" | ") == len(report.exercises) + 2  # no extra column from `|d|`
    assert (
        "\\*b\\* \\_i\\_ \\`c\\` \\|d\\| \\<img src=x onerror=alert(1)\\> \\[l\\](http://x)" in row
    )
    html = to_html(report, "en")
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert 'data-learner="*b* _i_ `c` |d| &lt;img' in html and "&quot;q&#x27; &amp;amp;" in html


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('{"schema": "mergecamp-progress", "version": 1, "learner": "' + "x" * 5000 + '"}',
         "learner: a text longer than 200 characters"),
        ('{"schema": "mergecamp-progress", "version": 1, "learner": "\\udce9"}',
         "learner: a text that is not valid Unicode"),
        ('{"schema": "mergecamp-progress", "version": ' + "9" * 5000 + "}",
         "not readable JSON: a number too long to be a count"),
        ('{"schema": "mergecamp-progress", "x": [' + ",".join(["0"] * 60_000) + "]}",
         "x: more than 50000 items"),
        ("[[[[[[[[]]]]]]]]", "not a JSON object"),
    ],
)  # fmt: skip
def test_sizes_are_bounded(tmp_path, git_env, text, reason) -> None:
    folder = _class(tmp_path, bad=text)
    assert _report(str(folder)).exit_code == 0
    line = _markdown_reason(folder, "bad.json")
    assert reason.replace("_", "\\_") in line or reason in line, line


def test_counts_beyond_any_real_record_are_refused(tmp_path, git_env) -> None:
    text = json.dumps(_record("Bo")).replace('"hints": 0', '"hints": 100000000000')
    folder = _class(tmp_path, bo=text)
    line = _markdown_reason(folder, "bo.json")
    assert "exercises.stage-and-commit: hints is larger than any real record holds" in line


def test_a_file_name_that_is_not_utf8_is_named_with_a_replacement(tmp_path, git_env) -> None:
    folder = _class(tmp_path)
    raw = os.fsencode(folder) + b"/caf\xe9\x1b[31m.json"
    with open(raw, "w", encoding="utf-8") as handle:
        handle.write("{")
    for fmt in ([], ["--markdown"], ["--json"]):
        result = _report(*fmt, str(folder))
        assert result.exit_code == 0 and "\x1b[31m.json" not in result.output
        assert "caf\ufffd" in result.output


def test_a_deeply_nested_progress_record_is_set_aside_not_a_crash(tmp_path, git_env) -> None:
    from mergecamp.progress import store

    home = Path(os.environ["MERGECAMP_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    (home / "progress.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")

    with pytest.raises(store.UnreadableRecord, match="nested too deeply"):
        store.read(home / "progress.json")
    result = CliRunner().invoke(main, ["--workspace", str(tmp_path / "ws"), "list"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output


def test_a_pr_title_with_escape_sequences_is_shown_literally() -> None:
    from types import SimpleNamespace

    from mergecamp.cli.pr_cmds import _pr_line

    pr = SimpleNamespace(
        number=1,
        branch="feat/x\x1b[2J",
        base="main",
        title="fix: \x1b]8;;http://x\x07y",
        state="open",
    )
    line = _pr_line(pr)
    assert "\x1b" not in line and "\x07" not in line
    assert "feat/x␛[2J" in line
