"""``mergecamp onboard`` and the exercise graph, end to end on a real exercise:
start through onboard, resume, pass, move on; the graph page beside its goal."""

from __future__ import annotations

import re
import subprocess
from html import escape
from pathlib import Path

import pytest
from click.testing import CliRunner
from mergecamp import tracks
from mergecamp.cli import main
from mergecamp.progress import load

FIRST = "stage-and-commit"
pytestmark = pytest.mark.skipif(
    FIRST not in tracks.available_ids(), reason=f"{FIRST} is not in this installation"
)


def _solve(root: Path) -> None:
    commands = tracks.load(FIRST).solution
    subprocess.run(
        ["bash", "-c", "\n".join(commands)], cwd=root, check=True, capture_output=True, env=None
    )


def test_onboard_walks_the_tracks(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    shown = runner.invoke(main, ["onboard", "--no-start"])
    assert shown.exit_code == 0, shown.output
    assert shown.output.index("First track") < shown.output.index("Team track")
    assert f"·  1. {FIRST}" in shown.output and "You passed 0 of" in shown.output
    assert f"mergecamp start {FIRST}" in shown.output
    assert not (home / FIRST).exists()

    started = runner.invoke(main, ["onboard"])
    assert started.exit_code == 0, started.output
    assert (home / FIRST / ".git").is_dir()
    assert load()["exercises"][FIRST]["starts"] == 1
    assert f"cd {home / FIRST}" in started.output

    again = runner.invoke(main, ["--lang", "ko", "onboard"])
    assert again.exit_code == 0 and "이미 시작했으니" in again.output
    assert f"▶  1. {FIRST}" in again.output
    assert load()["exercises"][FIRST]["starts"] == 1  # resuming builds nothing

    _solve(home / FIRST)
    monkeypatch.chdir(home / FIRST)
    check = runner.invoke(main, ["check"])
    assert check.exit_code == 0, check.output
    assert "Next up:" in check.output or "every track is done" in check.output
    assert load()["exercises"][FIRST]["passed_at"] is not None
    after = runner.invoke(main, ["onboard", "--no-start"])
    assert f"✔  1. {FIRST}" in after.output
    upcoming = [e for e in tracks.available_ids() if e != FIRST]
    if upcoming:
        assert f"Next: {upcoming[0]}" in after.output
    else:
        assert "You passed every exercise" in after.output


def test_graph_of_an_exercise_beside_its_goal(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["start", FIRST]).exit_code == 0
    root = home / FIRST
    subprocess.run(
        ["git", "-C", str(root), "commit", "-q", "--allow-empty", "-m", "chore: scratch"],
        check=True,
    )
    learner_commit = subprocess.run(
        ["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    monkeypatch.chdir(root)
    page = tmp_path / "graph.html"
    result = runner.invoke(main, ["graph", "--html", str(page)])
    assert result.exit_code == 0, result.output
    html = page.read_text()
    mine, goal = html.split('<section data-graph="goal">')
    assert f'data-sha="{learner_commit}"' in mine
    assert re.search(rf'data-sha="{learner_commit}"[^>]*data-new="true"', mine)
    assert mine.count('data-new="true"') == 1
    # The goal holds the reference solution's commit, marked as new.
    assert 'data-new="true"' in goal
    for message in re.findall(r'-m "([^"]+)"', "\n".join(tracks.load(FIRST).solution)):
        assert escape(message) in goal
    goals = list((home / ".mergecamp" / "goal").iterdir())
    assert len(goals) == 1

    text = runner.invoke(main, ["graph", "--ascii"])
    assert text.exit_code == 0 and "Goal of stage-and-commit" in text.output
    assert learner_commit[:7] in text.output and "HEAD ->" in text.output
    assert list((home / ".mergecamp" / "goal").iterdir()) == goals  # built once, reused


def test_goal_that_would_tell_the_answer_waits_for_a_pass(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["start", "time-travel"]).exit_code == 0
    root = home / "time-travel"
    monkeypatch.chdir(root)

    before = runner.invoke(main, ["graph", "--ascii"])
    assert before.exit_code == 0, before.output
    assert "it would show the answer" in before.output
    assert "lr-change" not in before.output
    assert not (home / ".mergecamp" / "goal").exists()  # not even built

    subprocess.run(
        ["bash", "-c", "\n".join(tracks.load("time-travel").solution)],
        cwd=root,
        check=True,
        capture_output=True,
    )
    assert runner.invoke(main, ["check"]).exit_code == 0
    after = runner.invoke(main, ["graph", "--ascii"])
    assert "Goal of time-travel" in after.output and "tag: lr-change" in after.output
