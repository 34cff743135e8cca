"""The built-exercise cache: a start copied from the cache is the start setup builds.

``engine.start`` keeps a copy of each freshly built (non-team) exercise and copies it on
the next start; these tests compare such a copy with a build made with the cache off
(``MERGECAMP_NO_BUILD_CACHE=1``): the same refs and commits, index, files, hooks, git
config and metadata.
"""

from __future__ import annotations

import json
import shutil
import stat
from pathlib import Path

import pytest
from mergecamp import engine

from tests.sandbox.conftest import sh


def _snapshot(root: Path) -> dict[str, object]:
    git_dir = root / ".git"
    files = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if rel == ".git" or rel.startswith(".git/") or not path.is_file():
            continue
        files[rel] = (path.read_bytes(), bool(path.stat().st_mode & stat.S_IXUSR))
    hooks = {p.name: p.read_text() for p in sorted((git_dir / "hooks").glob("post-*"))}
    return {
        "refs": sh("git for-each-ref --format='%(refname) %(objectname)'", root).stdout,
        "head": (git_dir / "HEAD").read_text(),
        "index": sh("git ls-files -s", root).stdout,
        "status": sh("git status --porcelain=v1 --untracked-files=all", root).stdout,
        "log": sh("git log --all --format='%H %P %an %ad %s'", root).stdout,
        "config": (git_dir / "config").read_text(),
        "meta": json.loads((git_dir / "mergecamp.json").read_text()),
        "hooks": hooks,
        "files": files,
    }


@pytest.mark.parametrize("exercise_id", ["stage-and-commit", "undo-changes", "merge-conflict"])
def test_cached_start_equals_a_fresh_build(
    exercise_id: str, tmp_path: Path, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MERGECAMP_NO_BUILD_CACHE", "1")
    fresh = engine.start(exercise_id, workspace)
    expected = _snapshot(fresh.root)
    shutil.rmtree(fresh.root)

    monkeypatch.delenv("MERGECAMP_NO_BUILD_CACHE")
    engine.start(exercise_id, workspace)  # builds, and stores the build
    assert list((workspace / ".mergecamp" / "built").glob(f"{exercise_id}-*"))
    shutil.rmtree(workspace / exercise_id)
    cached = engine.start(exercise_id, workspace)  # copies the stored build
    assert _snapshot(cached.root) == expected


def test_cached_start_still_gives_a_missing_identity(
    workspace: Path, git_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fallback identity follows the learner's config at each start, not the cache's."""
    engine.start("stage-and-commit", workspace)
    assert "mergecamp learner" not in (workspace / "stage-and-commit/.git/config").read_text()
    (git_env / ".gitconfig").write_text("[init]\n\tdefaultBranch = main\n", encoding="utf-8")
    scene = engine.start("stage-and-commit", workspace, force=True)
    config = (scene.root / ".git" / "config").read_text()
    assert "mergecamp learner" in config and "learner@mergecamp.invalid" in config


def test_a_damaged_cache_is_built_again(workspace: Path) -> None:
    engine.start("stage-and-commit", workspace)
    (stored,) = (workspace / ".mergecamp" / "built").glob("stage-and-commit-*")
    shutil.rmtree(stored / "root")
    scene = engine.start("stage-and-commit", workspace, force=True)
    assert engine.run_check(scene).steps[0].id == "commit"
    assert (scene.root / ".git" / "mergecamp.json").is_file()
