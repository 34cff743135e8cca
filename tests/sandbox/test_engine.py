"""The engine's promises: same hashes everywhere, nothing half-built, cache reuse, paths
rewritten after the move, hooks that report and never block, exact repository states."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from mergecamp import engine, render, tracks
from mergecamp.errors import MergecampError
from mergecamp.githooks import hook_script, install_hooks
from mergecamp.meta import read_meta
from mergecamp.state import read_state

from tests.sandbox.conftest import sh


def test_two_setups_give_the_same_commits(tmp_path, render_cache) -> None:
    refs = []
    for name in ("a", "b"):
        ws = tmp_path / name
        (ws / ".mergecamp").mkdir(parents=True)
        (ws / ".mergecamp" / "cache").symlink_to(render_cache)
        scene = engine.start("sync-experiment", ws)
        refs.append(read_meta(scene.root)["start"])
    assert refs[0] == refs[1]
    assert refs[0]["HEAD"] == "refs/heads/exp/gru"
    assert len(refs[0]["refs/heads/main"]) == 40


def test_failed_setup_leaves_nothing(workspace, monkeypatch) -> None:
    exercise = tracks.load("stage-and-commit")

    def broken(scene):
        (scene.root / "half.txt").write_text("half")
        raise RuntimeError("disk full")

    monkeypatch.setattr(type(exercise), "setup", property(lambda self: broken), raising=False)
    with pytest.raises(MergecampError) as err:
        engine.start("stage-and-commit", workspace)
    assert "disk full" in err.value.text.en
    assert not (workspace / "stage-and-commit").exists()
    assert not list((workspace / ".mergecamp").glob("build-*"))


def test_force_replaces_atomically(workspace, started) -> None:
    """A new folder takes the old one's place whole (the old one is renamed aside and
    deleted: a shell sitting in it must `cd` again); no build or trash is left."""
    scene = started("time-travel")
    inode = scene.root.stat().st_ino
    sh("git checkout -q main~1 && touch stray.txt", scene.root)
    engine.reset(scene)
    assert scene.root.stat().st_ino != inode
    assert not (scene.root / "stray.txt").exists()
    assert read_state(scene.root / ".git").branch == "main"
    left = {p.name for p in (workspace / ".mergecamp").iterdir()}
    assert not {n for n in left if n.startswith(("build-", "trash-", "gone-"))}


def test_render_is_cached_per_template_content(tmp_path, monkeypatch) -> None:
    first = render.rendered_project(tmp_path)
    stamp = (first / "README.md").stat().st_mtime_ns
    assert render.rendered_project(tmp_path) == first
    assert (first / "README.md").stat().st_mtime_ns == stamp
    assert (first / "configs" / "default.yaml").is_file()
    monkeypatch.setattr(render, "template_hash", lambda template=None: "changed")
    assert render.rendered_project(tmp_path) != first


def test_template_hash_follows_content(tmp_path) -> None:
    (tmp_path / "a.txt").write_text("one")
    before = render.template_hash(tmp_path)
    (tmp_path / "a.txt").write_text("two")
    assert render.template_hash(tmp_path) != before


def test_build_paths_are_rewritten_after_the_move(tmp_path) -> None:
    build, final = tmp_path / "build" / "x-team", tmp_path / "x-team"
    git_dir = final / "jun" / ".git"
    git_dir.mkdir(parents=True)
    (git_dir / "config").write_text(f'[remote "origin"]\n\turl = {build}/origin.git\n')
    engine._rewrite_paths(final, {str(build): str(final)})
    assert f"url = {final}/origin.git" in (git_dir / "config").read_text()


def test_hooks_print_progress_and_never_block(workspace, started, monkeypatch) -> None:
    scene = started("stage-and-commit")
    monkeypatch.delenv("MERGECAMP_NO_HOOK")
    proc = sh('git add configs/default.yaml && git commit -q -m "feat(config): wider"', scene.root)
    assert "mergecamp stage-and-commit: ✔✔✔✔ 4/4" in proc.stderr
    # A hook whose Python is gone still lets git finish.
    (scene.root / ".git" / "hooks" / "post-commit").write_text(hook_script("/nonexistent/py"))
    proc = sh('git commit -q --allow-empty -m "chore: empty"', scene.root)
    assert proc.returncode == 0


def test_hooks_leave_foreign_hooks_alone(tmp_path) -> None:
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "post-merge").write_text("#!/bin/sh\necho theirs\n")
    written = install_hooks(tmp_path)
    assert (hooks / "post-merge").read_text() == "#!/bin/sh\necho theirs\n"
    assert {p.name for p in written} == {"post-commit", "post-checkout", "post-rewrite"}


def test_state_reads_operations(workspace, started) -> None:
    scene = started("merge-conflict")
    git_dir = scene.root / ".git"
    assert read_state(git_dir).describe() is None
    sh("git merge main", scene.root, check=False)
    state = read_state(git_dir)
    assert state.operation == "merge" and state.unmerged == ("configs/default.yaml",)
    sh("git merge --abort && git checkout -q main~0 --detach", scene.root)
    state = read_state(git_dir)
    assert state.detached and state.branch is None and "detached" in state.describe().en


def test_locate_from_a_subfolder(workspace, started) -> None:
    scene = started("undo-changes")
    found = engine.locate(workspace, scene.root / "src" / "sequence_lab", None)
    assert found.exercise_id == "undo-changes" and found.root == scene.root


def test_real_subprocess_start_and_check(workspace, render_cache) -> None:
    env = dict(os.environ)
    start = subprocess.run(
        [
            sys.executable,
            "-m",
            "mergecamp",
            "--workspace",
            str(workspace),
            "start",
            "experiment-branch",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert start.returncode == 0, start.stderr
    root = workspace / "experiment-branch"
    check = subprocess.run(
        [sys.executable, "-m", "mergecamp", "check", "--json"],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert check.returncode == 1
    assert json.loads(check.stdout)["passed"] is False
    outside = subprocess.run(
        [sys.executable, "-m", "mergecamp", "check"],
        cwd=workspace,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert outside.returncode == 2
    assert "Traceback" not in outside.stderr and "not inside an exercise" in outside.stderr


def test_nothing_written_outside_the_workspace(workspace, started, git_env) -> None:
    before = {p for p in git_env.rglob("*")}
    started("stage-and-commit")
    assert {p for p in git_env.rglob("*")} == before
    assert not Path(git_env, ".cookiecutter_replay").exists()


def test_the_hooks_progress_line_stays_off_the_cli(workspace, started) -> None:
    """The line after every git command is printed without importing click (its import
    alone is about 40 ms of the 100 ms budget), and says the same as the checklist."""
    import subprocess
    import sys

    scene = started("merge-conflict")
    code = (
        "import sys; from mergecamp import hook_line; hook_line.main(); "
        "print('click' in sys.modules)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=scene.root, capture_output=True, text=True, check=True
    )
    assert proc.stdout.strip() == "False"
    assert "mergecamp merge-conflict: ✘··· 0/4" in proc.stderr
    assert "`exp/swish` has no merge commit with main yet" in proc.stderr
