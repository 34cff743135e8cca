"""A repository in any state gets a clear answer: never a traceback, always a failing
step or an error that says what is going on and what to type next."""

from __future__ import annotations

from contextlib import chdir
from pathlib import Path

from click.testing import CliRunner
from mergecamp import engine
from mergecamp.cli import main

from tests.sandbox.conftest import failing, sh


def _check(workspace: Path, cwd: Path, *args: str):
    """`mergecamp check` as if typed in ``cwd``."""
    with chdir(cwd):
        return CliRunner().invoke(main, ["--workspace", str(workspace), "check", *args])


def _no_traceback(result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output


def test_mid_merge_with_conflicts(workspace, started) -> None:
    scene = started("merge-conflict")
    sh("git merge main", scene.root, check=False)
    result = _check(workspace, scene.root)
    _no_traceback(result)
    assert result.exit_code == 1
    assert "a merge is in progress" in result.output
    assert "configs/default.yaml" in result.output
    assert "the merge is still in progress" in result.output


def test_mid_rebase(workspace, started) -> None:
    scene = started("merge-conflict")
    sh("git rebase main", scene.root, check=False)
    assert (scene.root / ".git" / "rebase-merge").exists()
    result = _check(workspace, scene.root)
    _no_traceback(result)
    assert result.exit_code == 1
    assert "a rebase is in progress" in result.output
    assert "git rebase --abort" in result.output


def test_detached_head(workspace, started) -> None:
    scene = started("time-travel")
    sh("git checkout -q main~2", scene.root)
    result = _check(workspace, scene.root)
    _no_traceback(result)
    assert result.exit_code == 1
    assert "HEAD is detached" in result.output
    # The step's exact command comes once it failed twice.
    assert "git switch main" in _check(workspace, scene.root).output


def test_deleted_branch(workspace, started) -> None:
    scene = started("sync-experiment")
    sh("git switch -q main && git branch -D exp/gru", scene.root)
    report = engine.run_check(scene)
    assert "there is no branch `exp/gru`" in failing(report)["has-main"]


def test_deleted_main(workspace, started) -> None:
    scene = started("experiment-branch")
    sh("git switch -qc exp/gru && git branch -D main", scene.root)
    report = engine.run_check(scene)
    assert "branch `main` is gone" in failing(report)["main-untouched"]


def test_uncommitted_changes(workspace, started) -> None:
    scene = started("finish-experiment")
    (scene.root / "configs" / "default.yaml").write_text("garbage: [\n", encoding="utf-8")
    sh("git add -A", scene.root)
    report = engine.run_check(scene)
    assert "main does not contain" in failing(report)["merged"]


def test_metadata_removed(workspace, started) -> None:
    scene = started("stage-and-commit")
    (scene.root / ".git" / "mergecamp.json").unlink()
    result = _check(workspace, scene.root / "src")
    _no_traceback(result)
    assert result.exit_code == 2
    assert "mergecamp data" in result.output
    assert "mergecamp start stage-and-commit --force" in result.output
    by_id = _check(workspace, scene.root, "stage-and-commit")
    assert by_id.exit_code == 2 and "mergecamp data" in by_id.output


def test_git_dir_removed(workspace, started) -> None:
    import shutil

    scene = started("stage-and-commit")
    meta = (scene.root / ".git" / "mergecamp.json").read_text()
    shutil.rmtree(scene.root / ".git")
    (scene.root / ".mergecamp.json").write_text(meta)
    report = engine.run_check(scene)
    assert failing(report) == {"repository": failing(report)["repository"]}
    assert "no longer a git repository" in failing(report)["repository"]


def test_check_outside_any_exercise(workspace, tmp_path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = _check(workspace, elsewhere)
    _no_traceback(result)
    assert result.exit_code == 2
    assert "not inside an exercise" in result.output


def test_check_in_a_foreign_repository(workspace, tmp_path) -> None:
    other = tmp_path / "project"
    other.mkdir()
    sh("git init -q", other)
    result = _check(workspace, other)
    assert result.exit_code == 2
    assert "not a mergecamp exercise" in result.output


def test_check_in_the_teammates_folder(workspace, started) -> None:
    scene = started("stage-and-commit")
    team = scene.root.parent / "stage-and-commit-team" / "jun"
    team.mkdir(parents=True)
    result = _check(workspace, team)
    assert result.exit_code == 2
    assert "teammates' side" in result.output
    assert str(scene.root) in result.output


def test_check_crash_becomes_a_step(workspace, started, monkeypatch) -> None:
    scene = started("stage-and-commit")
    exercise = engine.load_exercise("stage-and-commit")

    def boom(_scene):
        raise ValueError("object file is empty")

    monkeypatch.setattr(type(exercise), "check", property(lambda self: boom), raising=False)
    report = engine.run_check(scene)
    assert not report.passed
    assert "object file is empty" in failing(report)["repository"]
