"""The conventions in a freshly baked project, through real pre-commit and real git.

A default bake runs the conventions from its own tools/conventions/ (hooks_source=local):
those hooks need no environment and no network. pre-commit builds one virtualenv per
distinct dependency set of the other hooks (ruff, pre-commit-hooks, and mergecamp for
hooks_source=pypi): slow the first time, so the tests share one PRE_COMMIT_HOME and one
mergecamp wheel, built once per test session (and once across xdist workers, by lock).
The wheel is rebuilt every session so the hooks under test are the working tree's.
"""

from __future__ import annotations

import fcntl
import re
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


def bake_with_git(tmp_path: Path, env: dict[str, str], *answers: str):
    """Bake into tmp_path/out (git initialised, hooks installed by post_gen): path, runner,
    and what the bake printed."""
    baking = make_runner(tmp_path, env)(
        sys.executable, "-m", "cookiecutter", "--no-input", str(REPO_ROOT / "template"),
        "-o", str(tmp_path / "out"), *answers,
    )  # fmt: skip
    path = tmp_path / "out" / "sequence-lab"
    return path, make_runner(path, env), baking.stdout + baking.stderr


@pytest.fixture
def baked(tmp_path: Path, git_home: Path, pre_commit_home: Path):
    """A default bake (hooks from tools/conventions/) and a runner in it."""
    env = clean_env(git_home, PRE_COMMIT_HOME=str(pre_commit_home))
    path, run, _ = bake_with_git(tmp_path, env)
    return path, run


@pytest.fixture
def baked_pypi(tmp_path: Path, git_home: Path, hooks_requirement: str, pre_commit_home: Path):
    """A bake whose conventions hooks install mergecamp (this checkout's wheel)."""
    env = clean_env(git_home, PRE_COMMIT_HOME=str(pre_commit_home))
    path, run, _ = bake_with_git(
        tmp_path, env, "hooks_source=pypi", f"hooks_requirement={hooks_requirement}"
    )
    return path, run


#: Every hook that installs from PyPI; skipping them leaves the conventions hooks alone.
PYPI_HOOKS = (
    "ruff-check,ruff-format,trailing-whitespace,end-of-file-fixer,check-yaml,check-toml,"
    "check-added-large-files,check-merge-conflict,detect-private-key,debug-statements"
)
#: No package index and an empty pre-commit home: a hook that needs anything fails.
OFFLINE = {"PIP_NO_INDEX": "1", "PIP_FIND_LINKS": "", "SKIP": PYPI_HOOKS}


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


def test_default_bake_commits_offline_with_its_own_hooks(tmp_path: Path, git_home: Path):
    env = clean_env(git_home, PRE_COMMIT_HOME=str(tmp_path / "empty-home"), **OFFLINE)
    path, run, printed = bake_with_git(tmp_path, env)
    assert "Hooks installed and tried on the first commit" in printed
    assert (path / "tools" / "conventions" / "mergecamp_hooks" / "commit_msg.py").is_file()

    run("git", "add", _write(path, "first.py"))
    on_main = run("git", "commit", "-m", "feat: first", check=False)
    assert on_main.returncode != 0 and "commit straight on `main`" in _out(on_main)

    run("git", "switch", "-q", "-c", "feat/first")
    bad = run("git", "commit", "-m", "did stuff", check=False)
    assert bad.returncode != 0 and "`type(scope): subject`" in _out(bad)

    good = run("git", "commit", "-m", "feat(data): add the first module")
    for hook in (
        "branch name is <type>/<topic>, no commits on main",
        "no weights, logs or large data",
        "commit message is type(scope)!: subject",
    ):
        assert re.search(re.escape(hook) + r"\.+Passed", _out(good)), _out(good)
    assert run("git", "rev-list", "--count", "HEAD").stdout.strip() == "2"


def test_rules_come_from_the_projects_pyproject(baked) -> None:
    path, run = baked
    pyproject = path / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text(encoding="utf-8") + 'types = ["feat", "fix"]\n', encoding="utf-8"
    )
    run("git", "switch", "-q", "-c", "feat/rules")
    run("git", "add", "pyproject.toml")
    refused = run("git", "commit", "-m", "docs: only feat and fix now", check=False, **OFFLINE)
    assert refused.returncode != 0 and "docs" in _out(refused)
    run("git", "commit", "-q", "-m", "feat: only feat and fix now", **OFFLINE)


def test_an_uninstallable_requirement_is_reported_and_switched_off(
    tmp_path: Path, git_home: Path
) -> None:
    env = clean_env(git_home, PRE_COMMIT_HOME=str(tmp_path / "empty-home"), **OFFLINE)
    path, run, printed = bake_with_git(
        tmp_path, env, "hooks_source=pypi", "hooks_requirement=mergecamp==0.1.0"
    )
    assert "could not run" in printed and "hooks_source=local" in printed
    assert "Hooks installed" not in printed
    assert not (path / "tools" / "conventions").exists()
    # Switched off, so a commit is not stopped by pre-commit's "unexpected error".
    run("git", "add", _write(path, "scratch.py"))
    run("git", "commit", "-q", "-m", "feat: scratch")


def test_pypi_hooks_refuse_like_the_local_ones(baked_pypi) -> None:
    path, run = baked_pypi
    run("git", "add", _write(path, "scratch.py"))
    on_main = run("git", "commit", "-m", "feat: scratch", check=False)
    assert on_main.returncode != 0 and "commit straight on `main`" in _out(on_main)


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
