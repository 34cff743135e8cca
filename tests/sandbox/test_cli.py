"""Every exercise command, its happy path and its error paths, through click's runner."""

from __future__ import annotations

import json
from contextlib import chdir
from pathlib import Path

import pytest
from click.testing import CliRunner
from mergecamp.cli import exercise_cmds, main


def run(workspace: Path, *args: str, cwd: Path | None = None, input: str | None = None):
    with chdir(cwd or workspace.parent):
        return CliRunner().invoke(main, ["--workspace", str(workspace), *args], input=input)


def test_list_shows_tracks_and_ids(workspace) -> None:
    result = run(workspace, "list")
    assert result.exit_code == 0
    for eid in ("stage-and-commit", "merge-conflict", "undo-changes"):
        assert eid in result.output
    assert "First track" in result.output
    # Same table as `onboard`: mark, number, id, title; nothing begun yet.
    assert "·  1. stage-and-commit     Stage and commit one change" in result.output
    assert "✔ passed  ▶ begun  · not begun" in result.output


def test_start_prints_story_steps_and_path(workspace) -> None:
    result = run(workspace, "start", "experiment-branch")
    assert result.exit_code == 0, result.output
    assert "Start an experiment branch" in result.output
    assert "1. Create `exp/gru` from main" in result.output
    assert f"cd {workspace / 'experiment-branch'}" in result.output
    assert (workspace / "experiment-branch" / ".git" / "mergecamp.json").is_file()


def test_start_in_korean(workspace) -> None:
    result = run(workspace, "--lang", "ko", "start", "stage-and-commit")
    assert result.exit_code == 0
    assert "스테이징" in result.output and "cd " in result.output


def test_start_unknown_id(workspace) -> None:
    result = run(workspace, "start", "rebase-everything")
    assert result.exit_code == 2
    assert "There is no exercise `rebase-everything`" in result.output
    assert "Traceback" not in result.output


def test_start_twice_refuses_without_a_terminal(workspace) -> None:
    assert run(workspace, "start", "stage-and-commit").exit_code == 0
    marker = workspace / "stage-and-commit" / "my-work.txt"
    marker.write_text("mine")
    result = run(workspace, "start", "stage-and-commit")
    assert result.exit_code == 3
    assert "--force" in result.output
    assert marker.exists()
    forced = run(workspace, "start", "stage-and-commit", "--force")
    assert forced.exit_code == 0
    assert not marker.exists()


def test_start_twice_asks_on_a_terminal(workspace, monkeypatch) -> None:
    monkeypatch.setattr(exercise_cmds, "_interactive", lambda: True)
    assert run(workspace, "start", "stage-and-commit").exit_code == 0
    marker = workspace / "stage-and-commit" / "my-work.txt"
    marker.write_text("mine")
    declined = run(workspace, "start", "stage-and-commit", input="n\n")
    assert declined.exit_code == 1 and "Cancelled" in declined.output
    assert marker.exists()
    accepted = run(workspace, "start", "stage-and-commit", input="y\n")
    assert accepted.exit_code == 0 and not marker.exists()


def test_check_text_json_and_by_id(workspace) -> None:
    run(workspace, "start", "stage-and-commit")
    root = workspace / "stage-and-commit"
    text = run(workspace, "check", cwd=root / "configs")
    assert text.exit_code == 1
    assert "✘ Commit the `hidden_size: 128` change" in text.output
    assert "git add configs/default.yaml" not in text.output  # the command comes in stages
    raw = run(workspace, "check", "--json", "stage-and-commit", cwd=workspace.parent)
    data = json.loads(raw.output)
    assert raw.exit_code == 1
    assert data["exercise"] == "stage-and-commit" and data["passed"] is False
    assert {s["id"] for s in data["steps"]} == {"commit", "only-config", "message", "readme-left"}
    keys = {"id", "passed", "judged", "message", "code"}
    assert all(set(s) - {"fix"} == keys for s in data["steps"])
    # The commit step failed twice now (text, then JSON): its exact command comes too.
    commit = next(s for s in data["steps"] if s["id"] == "commit")
    assert "git add configs/default.yaml" in commit["fix"]


def test_check_unknown_and_not_started(workspace) -> None:
    assert "There is no exercise" in run(workspace, "check", "nope").output
    result = run(workspace, "check", "time-travel")
    assert result.exit_code == 2
    assert "mergecamp start time-travel" in result.output


def test_hint_gives_the_next_hint_each_time(workspace) -> None:
    run(workspace, "start", "time-travel")
    root = workspace / "time-travel"
    outputs = [run(workspace, "hint", cwd=root).output for _ in range(4)]
    assert outputs[0].startswith("Hint 1/3") and outputs[1].startswith("Hint 2/3")
    assert outputs[2].startswith("Hint 3/3") and "mergecamp solution" in outputs[2]
    assert outputs[3].startswith("Hint 3/3")


def test_hint_outside_an_exercise(workspace) -> None:
    result = run(workspace, "hint")
    assert result.exit_code == 2 and "not inside an exercise" in result.output


def test_solution_asks_and_refuses_without_a_terminal(workspace) -> None:
    run(workspace, "start", "finish-experiment")
    root = workspace / "finish-experiment"
    refused = run(workspace, "solution", cwd=root)
    assert refused.exit_code == 2 and "--yes" in refused.output
    shown = run(workspace, "solution", "--yes", cwd=root)
    assert shown.exit_code == 0 and "git merge --no-ff --no-edit exp/gru" in shown.output
    bare = run(workspace, "solution", "--commands", "finish-experiment")
    assert bare.output.splitlines() == ["git checkout main", "git merge --no-ff --no-edit exp/gru"]


def test_solution_unknown_id(workspace) -> None:
    assert run(workspace, "solution", "--yes", "zzz").exit_code == 2


def test_reset_needs_a_yes_then_restores_the_start(workspace) -> None:
    from tests.sandbox.conftest import sh

    run(workspace, "start", "experiment-branch")
    root = workspace / "experiment-branch"
    sh("git switch -qc exp/gru && git commit -q --allow-empty -m 'feat: x'", root)
    refused = run(workspace, "reset", cwd=root)
    assert refused.exit_code == 2 and "--yes" in refused.output
    done = run(workspace, "reset", "--yes", cwd=root)
    assert done.exit_code == 0, done.output
    assert sh("git branch --show-current", root).stdout.strip() == "main"
    assert "exp/gru" not in sh("git branch", root).stdout


def test_reset_works_when_metadata_is_gone(workspace) -> None:
    run(workspace, "start", "undo-changes")
    root = workspace / "undo-changes"
    (root / ".git" / "mergecamp.json").unlink()
    done = run(workspace, "reset", "--yes", cwd=root / "src")
    assert done.exit_code == 0, done.output
    assert (root / ".git" / "mergecamp.json").is_file()


def test_status_says_what_to_do_now(workspace) -> None:
    from tests.sandbox.conftest import sh

    run(workspace, "start", "merge-conflict")
    root = workspace / "merge-conflict"
    sh("git merge main", root, check=False)
    result = run(workspace, "status", cwd=root)
    assert result.exit_code == 0
    assert "a merge is in progress" in result.output
    assert "Now: Merge main into `exp/swish`" in result.output


def test_next_suggests_the_following_exercise(workspace) -> None:
    run(workspace, "start", "stage-and-commit")
    result = run(workspace, "next", cwd=workspace / "stage-and-commit")
    assert result.exit_code == 0
    assert "mergecamp start time-travel" in result.output


@pytest.mark.parametrize("command", ["check", "hint", "status", "reset --yes", "solution --yes"])
def test_commands_outside_an_exercise_fail_cleanly(workspace, command) -> None:
    result = run(workspace, *command.split())
    assert result.exit_code == 2
    assert "not inside an exercise" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
