"""The learner's progress record: events, atomic concurrent writes, bad files set aside."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from mergecamp.cli import main
from mergecamp.progress import load, next_after, next_unfinished, record_event, schema, store

WRITER = """
import sys
from mergecamp.progress import record_event
for i in range(int(sys.argv[2])):
    record_event(sys.argv[1], "check", passed=False)
    record_event(sys.argv[1], "hint")
"""


def test_events_build_the_record(home: Path) -> None:
    record_event("stage-and-commit", "start")
    record_event("stage-and-commit", "check", passed=False)
    record_event("stage-and-commit", "hint")
    record_event("stage-and-commit", "check", passed=True)
    record_event("stage-and-commit", "check", passed=True)
    record_event("stage-and-commit", "solution")
    data = json.loads((home / "progress.json").read_text())
    assert schema.problems(data) == []
    assert data["learner"] == "Test Learner"
    assert data["version"] == schema.VERSION
    entry = data["exercises"]["stage-and-commit"]
    assert [c["passed"] for c in entry["checks"]] == [False, True, True]
    assert entry["passed_at"] == entry["checks"][1]["at"]  # the first pass counts
    assert entry["hints"] == 1 and entry["solutions"] == 1 and entry["starts"] == 1
    assert entry["time_to_pass_s"] is not None and entry["time_to_pass_s"] >= 0
    assert data["digest"] == schema.digest(data)


def test_concurrent_writers_lose_nothing(home: Path) -> None:
    writers, events = 4, 15
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, f"ex-{i % 2}", str(events)])
        for i in range(writers)
    ]
    assert [p.wait(timeout=120) for p in procs] == [0] * writers
    data = json.loads((home / "progress.json").read_text())
    assert schema.problems(data) == []
    total_checks = sum(len(e["checks"]) for e in data["exercises"].values())
    assert total_checks == writers * events
    assert sum(e["hints"] for e in data["exercises"].values()) == writers * events
    assert not list(home.glob("*.tmp")), "a temporary file was left behind"


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"{ this is not json", "not valid JSON"),
        (b'{"name": "some other tool", "items": []}', "not a mergecamp progress record"),
        (json.dumps({"schema": schema.SCHEMA, "version": 99}).encode(), "unsupported version"),
        (b"\xff\xfe\x00garbage", "not valid JSON"),
    ],
    ids=["corrupt", "foreign", "future-version", "binary"],
)
def test_bad_file_is_set_aside_not_overwritten(
    home: Path, capsys: pytest.CaptureFixture[str], content: bytes, why: str
) -> None:
    (home / "progress.json").write_bytes(content)
    record_event("time-travel", "start")
    record_event("time-travel", "hint")
    aside = list(home.glob("progress.json.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == content
    err = capsys.readouterr().err
    assert err.count("could not be read") == 1 and why in err
    fresh = json.loads((home / "progress.json").read_text())
    assert fresh["exercises"]["time-travel"]["hints"] == 1


def test_record_event_never_raises(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (home / "progress.json").mkdir()  # unreadable as a file, and cannot be replaced
    record_event("stage-and-commit", "start")
    record_event("stage-and-commit", "bogus-kind")
    assert "progress was not saved" in capsys.readouterr().err


def test_next_after_and_next_unfinished_follow_track_order(home: Path) -> None:
    from mergecamp import tracks

    available = tracks.available_ids()
    if len(available) < 2:
        pytest.skip("needs two exercises in this installation")
    first, second = available[0], available[1]
    assert next_unfinished() == first
    record_event(first, "start")
    record_event(first, "check", passed=True)
    assert next_unfinished() == second
    assert next_after(first) == second
    assert next_after("no-such-exercise") == second


def test_progress_export_and_name(home: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    record_event("stage-and-commit", "start")
    result = runner.invoke(main, ["progress", "--name", "김 민지"])
    assert result.exit_code == 0, result.output
    out = tmp_path / "handin"
    out.mkdir()
    result = runner.invoke(main, ["progress", "--export", str(out)])
    assert result.exit_code == 0, result.output
    exported = json.loads((out / "김-민지.json").read_text())
    assert exported["learner"] == "김 민지" and schema.problems(exported) == []
    assert exported["digest"] == schema.digest(exported)
    assert "stage-and-commit" in exported["exercises"]
    shown = runner.invoke(main, ["--lang", "ko", "progress"])
    assert shown.exit_code == 0 and "김 민지님의 진행 기록" in shown.output


def test_progress_rejects_empty_name_and_unwritable_export(home: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["progress", "--name", "  "])
    assert result.exit_code == 2 and "must not be empty" in result.output
    blocker = home / "file"
    blocker.write_text("x")
    result = runner.invoke(main, ["progress", "--export", str(blocker / "sub" / "me.json")])
    assert result.exit_code == 2 and "Cannot write" in result.output
    assert "Traceback" not in result.output


def test_progress_path_uses_user_data_dir_without_home(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("MERGECAMP_HOME", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert store.progress_path() == tmp_path / "xdg" / "mergecamp" / "progress.json"
    assert load(store.progress_path())["exercises"] == {}
