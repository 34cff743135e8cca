"""The conventions in a freshly baked project, through real pre-commit and real git.

pre-commit builds one virtualenv per distinct hook dependency set (ruff, pre-commit-hooks,
mergecamp): slow the first time, so all tests here share one PRE_COMMIT_HOME and one
mergecamp wheel, built once per test session (and once across xdist workers, by lock).
The wheel is rebuilt every session so the hooks under test are the working tree's.
"""

from __future__ import annotations

import fcntl
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO_ROOT, clean_env, make_runner, shared_dir


@pytest.fixture(scope="session")
def hooks_requirement(tmp_path_factory: pytest.TempPathFactory) -> str:
    """`mergecamp @ file:///…/mergecamp-….whl`, built from this checkout once per session."""
    shared = shared_dir(tmp_path_factory, "mergecamp-wheel")
    with open(shared / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        wheels = sorted(shared.glob("mergecamp-*.whl"))
        if not wheels:
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pip",
                    "wheel",
                    "--no-deps",
                    "-q",
                    "-w",
                    str(shared),
                    str(REPO_ROOT),
                ],
                check=True,
                capture_output=True,
            )
            wheels = sorted(shared.glob("mergecamp-*.whl"))
    return f"mergecamp @ {wheels[0].as_uri()}"


@pytest.fixture
def baked(tmp_path: Path, git_home: Path, hooks_requirement: str, pre_commit_home: Path):
    """A baked project (git initialised, hooks installed by post_gen) and a runner in it."""
    env = clean_env(git_home, PRE_COMMIT_HOME=str(pre_commit_home))
    make_runner(tmp_path, env)(
        sys.executable,
        "-m",
        "cookiecutter",
        "--no-input",
        str(REPO_ROOT / "template"),
        "-o",
        str(tmp_path / "out"),
        f"hooks_requirement={hooks_requirement}",
    )
    path = tmp_path / "out" / "sequence-lab"
    return path, make_runner(path, env)


def _out(result: subprocess.CompletedProcess) -> str:
    return result.stdout + result.stderr


def _write(path: Path, name: str, text: str = "VALUE = 1\n") -> str:
    (path / name).parent.mkdir(parents=True, exist_ok=True)
    (path / name).write_text(text, encoding="utf-8")
    return name


def test_bake_installs_every_hook_type(baked) -> None:
    path, run = baked
    hooks = {p.name for p in (path / ".git" / "hooks").iterdir() if not p.suffix}
    assert {"pre-commit", "commit-msg", "pre-push", "post-checkout"} <= hooks
    log = run("git", "log", "--format=%s %D").stdout.strip()
    assert log.startswith("chore: start sequence-lab") and "main" in log


def test_refusals_teach(baked) -> None:
    path, run = baked
    run("git", "add", _write(path, "scratch.py"))
    on_main = run("git", "commit", "-m", "feat: scratch", check=False)
    assert on_main.returncode != 0
    assert "commit straight on `main`" in _out(on_main)
    assert "git switch -c feat/scratch" in _out(on_main)

    run("git", "switch", "-q", "-c", "New-Model")
    bad_branch = run("git", "commit", "-m", "feat: scratch", check=False)
    assert bad_branch.returncode != 0 and "git branch -m New-Model feat/new-model" in (
        _out(bad_branch)
    )

    run("git", "branch", "-m", "feat/new-model")
    bad_message = run("git", "commit", "-m", "update", check=False)
    assert bad_message.returncode != 0 and "`type(scope): subject`" in _out(bad_message)

    (path / "last.ckpt").write_bytes(b"weights")
    run("git", "add", "-f", "last.ckpt")
    weights = run("git", "commit", "-m", "feat: keep the checkpoint", check=False)
    assert weights.returncode != 0 and "git rm --cached -r -- '*.ckpt'" in _out(weights)
    assert run("git", "rev-list", "--count", "HEAD").stdout.strip() == "1"


def test_good_work_passes_merges_and_reverts_too(baked) -> None:
    path, run = baked
    run("git", "switch", "-q", "-c", "exp/lstm-dropout")
    run("git", "add", _write(path, "notes/exp.md", "# dropout 0.3\n"))
    run("git", "commit", "-q", "-m", "exp(lstm): dropout 0.3으로 학습")
    run("git", "switch", "-q", "-c", "feat/gru", "main")
    run("git", "add", _write(path, "extra.py"))
    run("git", "commit", "-q", "-m", "feat: add an extra module")
    run("git", "merge", "--no-ff", "--no-edit", "exp/lstm-dropout")
    run("git", "revert", "--no-edit", "HEAD~1")
    subjects = run("git", "log", "--format=%s", "-3").stdout.splitlines()
    assert subjects[0] == 'Revert "feat: add an extra module"'
    assert subjects[1].startswith("Merge branch 'exp/lstm-dropout'")


def test_pre_push_refuses_a_range_with_a_bad_message(baked, tmp_path: Path) -> None:
    path, run = baked
    run("git", "init", "-q", "--bare", str(tmp_path / "origin.git"))
    run("git", "remote", "add", "origin", str(tmp_path / "origin.git"))
    skip = {"SKIP": "fast-tests"}  # the model's tests are not what this test is about
    run("git", "push", "-q", "origin", "main", **skip)
    run("git", "switch", "-q", "-c", "fix/loader")
    run("git", "add", _write(path, "a.py"))
    run("git", "commit", "-q", "-m", "fix: first")
    run("git", "push", "-q", "-u", "origin", "fix/loader", **skip)
    run("git", "add", _write(path, "b.py"))
    run("git", "commit", "-q", "--no-verify", "-m", "quick fix")
    run("git", "add", _write(path, "c.py"))
    run("git", "commit", "-q", "-m", "fix: third")
    pushed = run("git", "push", "origin", "fix/loader", check=False, **skip)
    assert pushed.returncode != 0
    assert "quick fix" in _out(pushed) and "git rebase -i" in _out(pushed)


def test_post_checkout_advises_without_blocking(baked) -> None:
    _, run = baked
    switched = run("git", "switch", "-c", "Tmp_Branch")
    assert "(tip)" in _out(switched)


def test_fresh_project_passes_pre_commit_run_all_files(baked) -> None:
    _, run = baked
    result = run(sys.executable, "-m", "pre_commit", "run", "--all-files", check=False)
    assert result.returncode == 0, _out(result)
