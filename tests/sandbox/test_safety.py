"""mergecamp never destroys what it did not build, and replaces what it built atomically.

Each reproduction of the safety issue is a test here: a foreign repository named like
an exercise, a copy of an exercise, a foreign folder in an exercise's place, an
interrupted replacement at every step, links that would take writes out of the
workspace, and the progress record of an explicit ``--workspace``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from contextlib import chdir
from pathlib import Path

import pytest
from click.testing import CliRunner
from mergecamp import engine, replace
from mergecamp.cli import exercise_cmds, main
from mergecamp.marker import read_marker

from tests.sandbox.conftest import sh


def run(workspace: Path, *args: str, cwd: Path | None = None, lang: str = "en", **kw):
    with chdir(cwd or workspace.parent):
        return CliRunner().invoke(
            main, ["--lang", lang, "--workspace", str(workspace), *args], **kw
        )


def snapshot(folder: Path) -> dict[str, str]:
    """Every file and link under ``folder`` (``.git`` included) → a digest of its bytes."""
    found = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[rel] = "link:" + os.readlink(path)
        elif path.is_file():
            found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            found[rel] = "dir"
    return found


def own_repo(path: Path) -> dict[str, str]:
    """A learner's own repository: a commit, an uncommitted edit, an untracked file."""
    path.mkdir(parents=True)
    sh(
        "git init -q -b main && echo one > notes.txt && git add notes.txt && "
        "git commit -q -m 'feat: my notes' && echo two >> notes.txt && echo x > scratch.txt",
        path,
    )
    return snapshot(path)


def leftovers(workspace: Path) -> set[str]:
    state = workspace / ".mergecamp"
    return {p.name for p in state.iterdir() if p.name.startswith(("build-", "trash-", "gone-"))}


# --- foreign folders ----------------------------------------------------------------


def test_reset_in_a_foreign_repo_named_like_an_exercise(workspace, tmp_path) -> None:
    repo = tmp_path / "code" / "bisect"
    before = own_repo(repo)
    result = run(workspace, "reset", "--yes", cwd=repo)
    assert result.exit_code != 0
    assert "not a mergecamp exercise" in result.output
    assert snapshot(repo) == before
    assert not (tmp_path / "code" / ".mergecamp").exists()
    # Named, with the repository's parent as the workspace: refused the same.
    named = run(tmp_path / "code", "reset", "--yes", "bisect", cwd=repo)
    assert named.exit_code == 3
    assert "was not built by mergecamp" in named.output
    assert snapshot(repo) == before
    assert not (tmp_path / "code" / ".mergecamp").exists()


@pytest.mark.parametrize("flags", [(), ("--force",)])
def test_start_over_a_foreign_folder_is_refused(workspace, flags, monkeypatch) -> None:
    folder = workspace / "stage-and-commit"
    before = own_repo(folder)
    monkeypatch.setattr(exercise_cmds, "_interactive", lambda: True)  # not even asked
    result = run(workspace, "start", "stage-and-commit", *flags, input="y\n")
    assert result.exit_code == 3
    assert "was not built by mergecamp" in result.output
    assert "started" not in result.output and "?" not in result.output
    assert snapshot(folder) == before
    with pytest.raises(engine.MergecampError):
        engine.start("stage-and-commit", workspace, force=True)
    assert snapshot(folder) == before


def test_the_refusal_in_korean(workspace) -> None:
    folder = workspace / "stage-and-commit"
    own_repo(folder)
    result = run(workspace, "start", "stage-and-commit", "--force", lang="ko")
    assert result.exit_code == 3
    assert "mergecamp가 만든 폴더가 아니에요" in result.output
    assert "지우지 않아요" in result.output


def test_a_foreign_team_folder_is_refused(workspace) -> None:
    team = workspace / "clone-and-push-team"
    before = own_repo(team)
    result = run(workspace, "start", "clone-and-push", "--force")
    assert result.exit_code == 3 and str(team) in result.output
    assert snapshot(team) == before
    assert not (workspace / "clone-and-push").exists()


def test_a_link_in_the_exercise_place_is_not_followed(workspace, tmp_path) -> None:
    elsewhere = tmp_path / "elsewhere"
    before = own_repo(elsewhere)
    (workspace / "stage-and-commit").symlink_to(elsewhere, target_is_directory=True)
    result = run(workspace, "start", "stage-and-commit", "--force")
    assert result.exit_code == 3 and "symbolic link" in result.output
    assert (workspace / "stage-and-commit").is_symlink()
    assert snapshot(elsewhere) == before


def test_a_folder_without_its_marker_is_not_reset(workspace, started) -> None:
    scene = started("stage-and-commit")
    (scene.root / ".git" / "mergecamp-built.json").unlink()
    (scene.root / "mine.txt").write_text("mine")
    result = run(workspace, "reset", "--yes", cwd=scene.root)
    assert result.exit_code == 3
    assert "no mark of the folder mergecamp built" in result.output
    assert (scene.root / "mine.txt").read_text() == "mine"


# --- copies and moved workspaces -------------------------------------------------------


def test_reset_in_a_copy_refuses_and_spares_the_siblings(workspace, tmp_path) -> None:
    original = engine.start("stage-and-commit", workspace).root
    proj = tmp_path / "proj"
    proj.mkdir()
    copy = proj / "my-attempt"
    shutil.copytree(original, copy, symlinks=True)
    (copy / "my-work.txt").write_text("in the copy")
    sibling_before = own_repo(proj / "stage-and-commit")
    copy_before, original_before = snapshot(copy), snapshot(original)

    result = run(workspace, "reset", "--yes", cwd=copy / "src")
    assert result.exit_code == 3
    assert "is a copy of the exercise `stage-and-commit`" in result.output
    assert f"cd {original}" in result.output
    assert str(workspace) in result.output
    assert snapshot(copy) == copy_before
    assert snapshot(proj / "stage-and-commit") == sibling_before
    assert snapshot(original) == original_before
    assert not (proj / ".mergecamp").exists()
    # check, hint: the copy is not the exercise either (they would write into it).
    assert run(workspace, "check", cwd=copy).exit_code == 3
    assert snapshot(copy) == copy_before


def test_a_copy_named_like_the_exercise_is_not_replaced(workspace, tmp_path) -> None:
    original = engine.start("stage-and-commit", workspace).root
    proj = tmp_path / "proj"
    shutil.copytree(original, proj / "stage-and-commit", symlinks=True)
    before = snapshot(proj / "stage-and-commit")
    for args in (("start", "stage-and-commit", "--force"), ("reset", "--yes", "stage-and-commit")):
        result = run(proj, *args)
        assert result.exit_code == 3, result.output
        assert "is a copy of the exercise" in result.output
    assert snapshot(proj / "stage-and-commit") == before


def test_a_moved_workspace_is_recognised(workspace, tmp_path) -> None:
    engine.start("stage-and-commit", workspace)
    moved = tmp_path / "moved"
    os.replace(workspace, moved)
    before = snapshot(moved / "stage-and-commit")
    result = run(moved, "reset", "--yes", "stage-and-commit")
    assert result.exit_code == 3
    assert "is a copy of the exercise" in result.output
    assert snapshot(moved / "stage-and-commit") == before


def test_the_workspace_comes_from_the_marker(workspace, tmp_path) -> None:
    """Found from cwd with another --workspace, the exercise keeps its own workspace."""
    scene = engine.start("stage-and-commit", workspace)
    other = tmp_path / "other"
    other.mkdir()
    done = run(other, "reset", "--yes", cwd=scene.root)
    assert done.exit_code == 0, done.output
    assert f"cd {scene.root}" in done.output  # the folder was replaced: cd again
    assert list(other.iterdir()) == []


def test_reset_keeps_the_team_folder_marked(workspace) -> None:
    scene = engine.start("clone-and-push", workspace)
    team = read_marker(workspace / "clone-and-push-team")
    root = read_marker(scene.root)
    assert team is not None and root is not None
    assert (team.kind, team.path, team.workspace) == (
        "team",
        str(workspace / "clone-and-push-team"),
        str(workspace),
    )
    assert (root.kind, root.path) == ("exercise", str(scene.root))
    assert team.build == root.build
    result = run(workspace, "check", cwd=workspace / "clone-and-push-team")
    assert result.exit_code == 2 and "teammates' side" in result.output


# --- interrupted replacements ---------------------------------------------------------


class Stop(KeyboardInterrupt):
    """The learner's Ctrl-C (or a kill) at one step of the swap."""


def _swap_step(src: Path, dst: Path) -> bool:
    """Is this rename a step of ``replace.swap``/recovery (not a file write in a build)?"""
    names = (src.parent.name, dst.parent.name)
    return any(n.startswith(("build-", "trash-")) for n in names) or dst.name.startswith("gone-")


def interrupt_at(monkeypatch, step: int, *, dead: bool) -> list[int]:
    """Make the ``step``-th swap rename (or a later deletion) raise ``Stop``.

    ``dead``: every rename and deletion after it fails too, as if the process were gone,
    so that the in-process clean-up cannot run; the next command must recover.
    """
    real_replace, real_rmtree = os.replace, shutil.rmtree
    seen = [0]
    failed = [False]

    def fake_replace(src, dst, *a, **kw):
        if _swap_step(Path(src), Path(dst)):
            seen[0] += 1
            if seen[0] == step or (dead and failed[0]):
                failed[0] = True
                raise Stop
        return real_replace(src, dst, *a, **kw)

    def fake_rmtree(path, *a, **kw):
        if Path(path).name.startswith("gone-") and (step == 0 or (dead and failed[0])):
            failed[0] = True
            raise Stop
        return real_rmtree(path, *a, **kw)

    monkeypatch.setattr(os, "replace", fake_replace)
    monkeypatch.setattr(shutil, "rmtree", fake_rmtree)
    return seen


def _learner_work(root: Path) -> dict[str, str]:
    sh("git commit -q --allow-empty -m 'feat: my work' && echo mine > mine.txt", root)
    return snapshot(root)


def _is_new(root: Path) -> bool:
    return not (root / "mine.txt").exists() and "feat: my work" not in sh("git log", root).stdout


# Swap renames for a one-folder exercise: old → trash, new → place, trash → gone,
# build → gone; step 0 is the deletion of a gone- folder.
@pytest.mark.parametrize("dead", [False, True], ids=["ctrl-c", "killed"])
@pytest.mark.parametrize("step", [0, 1, 2, 3, 4])
def test_interrupted_reset_leaves_a_whole_folder(workspace, monkeypatch, step, dead) -> None:
    monkeypatch.setenv("MERGECAMP_NO_BUILD_CACHE", "1")
    scene = engine.start("stage-and-commit", workspace)
    old = _learner_work(scene.root)
    interrupt_at(monkeypatch, step, dead=dead)
    with pytest.raises(Stop):
        engine.reset(scene)
    monkeypatch.undo()
    monkeypatch.setenv("MERGECAMP_NO_BUILD_CACHE", "1")
    if (scene.root / ".git").is_dir():  # in place: the old one or the new one, whole
        assert snapshot(scene.root) == old or _is_new(scene.root)
    else:  # renamed aside whole: the next command puts it back
        assert dead and not scene.root.exists()
    assert run(workspace, "list").exit_code == 0  # recovers
    assert snapshot(scene.root) == old or _is_new(scene.root)
    assert leftovers(workspace) == set()
    # And the next reset works.
    assert run(workspace, "reset", "--yes", cwd=workspace / "stage-and-commit").exit_code == 0
    assert _is_new(scene.root)
    assert engine.run_check(engine.locate(workspace, scene.root)).steps


# A team exercise: old root, old team → trash; new root, new team → place; trash, build → gone.
@pytest.mark.parametrize("step", [1, 2, 3, 4, 5, 6])
def test_interrupted_team_reset_keeps_the_pair_together(workspace, monkeypatch, step) -> None:
    scene = engine.start("diverged-history", workspace)
    team = workspace / "diverged-history-team"
    old = _learner_work(scene.root), snapshot(team)
    interrupt_at(monkeypatch, step, dead=True)
    with pytest.raises(Stop):
        engine.reset(scene)
    monkeypatch.undo()
    engine.recover(workspace)
    assert leftovers(workspace) == set()
    root_mark, team_mark = read_marker(scene.root), read_marker(team)
    assert root_mark is not None and team_mark is not None
    assert root_mark.build == team_mark.build  # never a new root with an old team
    if snapshot(scene.root) != old[0]:
        assert _is_new(scene.root)
    else:
        assert snapshot(team) == old[1]
    assert engine.reset(engine.locate(workspace, scene.root)).root == scene.root


def test_a_killed_build_leaves_the_old_folder_alone(workspace, monkeypatch) -> None:
    scene = engine.start("stage-and-commit", workspace)
    old = _learner_work(scene.root)
    exercise = engine.load_exercise("stage-and-commit")

    def killed(scene):
        (scene.root / "half.txt").write_text("half")
        raise Stop

    monkeypatch.setenv("MERGECAMP_NO_BUILD_CACHE", "1")
    monkeypatch.setattr(type(exercise), "setup", property(lambda self: killed), raising=False)
    with pytest.raises(Stop):
        engine.reset(scene)
    assert snapshot(scene.root) == old
    assert leftovers(workspace) == set()


def test_old_leftovers_are_cleaned_and_a_lost_folder_comes_back(workspace) -> None:
    scene = engine.start("stage-and-commit", workspace)
    old = _learner_work(scene.root)
    state = workspace / ".mergecamp"
    # What a kill between "old → trash" and "new → place" leaves, by hand.
    (state / "build-stage-and-commit-dead0001").mkdir()
    (state / "trash-stage-and-commit-dead0001").mkdir()
    os.replace(scene.root, state / "trash-stage-and-commit-dead0001" / "stage-and-commit")
    (state / "gone-build-x").mkdir()
    (state / "build-undo-changes-old00002" / "undo-changes").mkdir(parents=True)
    result = run(workspace, "check", cwd=workspace)  # any command recovers
    assert "not inside an exercise" in result.output
    assert snapshot(scene.root) == old
    assert leftovers(workspace) == set()


# --- links and the progress record -----------------------------------------------------


def test_a_linked_state_folder_is_not_written_through(workspace, tmp_path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.rmtree(workspace / ".mergecamp")
    (workspace / ".mergecamp").symlink_to(outside, target_is_directory=True)
    result = run(workspace, "start", "stage-and-commit")
    assert result.exit_code == 3
    assert "symbolic link" in result.output
    assert list(outside.iterdir()) == []
    assert not (workspace / "stage-and-commit").exists()


def test_progress_is_not_written_through_a_linked_state_folder(workspace, tmp_path) -> None:
    assert run(workspace, "start", "stage-and-commit").exit_code == 0
    outside = tmp_path / "outside"
    outside.mkdir()
    os.replace(workspace / ".mergecamp", tmp_path / "state-aside")
    (workspace / ".mergecamp").symlink_to(outside, target_is_directory=True)
    root = workspace / "stage-and-commit"
    before = snapshot(root)
    checked = run(workspace, "check", cwd=root)
    assert checked.exit_code == 1
    assert "progress was not saved" in checked.output and "symbolic link" in checked.output
    reset = run(workspace, "reset", "--yes", cwd=root)
    assert reset.exit_code == 3 and "symbolic link" in reset.output
    assert list(outside.iterdir()) == []
    assert snapshot(root).keys() == before.keys()


def test_lock_files_that_are_links_are_replaced_not_followed(workspace, tmp_path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    missing = tmp_path / "never-created"
    state = workspace / ".mergecamp"
    (state / replace.LOCK).symlink_to(victim)
    (state / "progress.json.lock").symlink_to(missing)
    assert run(workspace, "start", "stage-and-commit").exit_code == 0
    assert victim.read_text() == "keep me"
    assert not missing.exists()
    assert not (state / replace.LOCK).is_symlink()
    assert not (state / "progress.json.lock").is_symlink()
    assert (state / "progress.json").is_file()


def test_progress_stays_in_an_explicit_workspace(workspace, git_env) -> None:
    home_before = {p for p in git_env.rglob("*")}
    assert run(workspace, "start", "stage-and-commit").exit_code == 0
    root = workspace / "stage-and-commit"
    assert run(workspace, "check", cwd=root).exit_code == 1
    record = workspace / ".mergecamp" / "progress.json"
    assert '"starts": 1' in record.read_text() and '"checks"' in record.read_text()
    assert {p for p in git_env.rglob("*")} == home_before  # MERGECAMP_HOME untouched
    # Found from the folder, without --workspace, progress still goes to its workspace.
    with chdir(root):
        again = CliRunner().invoke(main, ["check"])
    assert again.exit_code == 1
    assert record.read_text().count('"passed": false') == 2
    assert {p for p in git_env.rglob("*")} == home_before


def test_a_replaced_cwd_is_found_again_by_its_path(workspace) -> None:
    scene = engine.start("stage-and-commit", workspace)
    with chdir(scene.root):
        engine.reset(scene)  # the shell's folder is gone; $PWD names the new one
        result = CliRunner().invoke(
            main, ["--workspace", str(workspace), "check"], env={"PWD": str(scene.root)}
        )
        assert result.exit_code == 1 and "stage-and-commit" in result.output
        lost = CliRunner().invoke(
            main, ["--workspace", str(workspace), "check"], env={"PWD": "/nonexistent"}
        )
        assert lost.exit_code == 2 and "no longer exists" in lost.output


def test_the_explicit_workspace_ends_with_the_command(workspace, git_env) -> None:
    from mergecamp.progress import progress_path

    assert run(workspace, "list").exit_code == 0
    assert progress_path() == git_env / "mergecamp-home" / "progress.json"
