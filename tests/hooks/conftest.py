"""Shared fixtures: a clean git environment, tiny repositories, and one pre-commit home.

Every git command runs with a private global config and without CI or pre-commit
variables from the outer environment, so a test means the same on a laptop and in CI.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]

#: Variables that change what the hooks decide (CI branch, pre-commit's push range, …).
_SCRUB_PREFIXES = ("GITHUB_", "GITLAB_", "CI_", "PRE_COMMIT", "GIT_", "LC_", "LANG")


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """os.environ without CI/git/locale variables, with a private git config in `home`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(_SCRUB_PREFIXES)}
    env.pop("CI", None)
    config = home / "gitconfig"
    if not config.exists():
        config.write_text(
            "[user]\n\tname = Mina Kim\n\temail = mina@example.com\n"
            "[init]\n\tdefaultBranch = main\n[commit]\n\tgpgsign = false\n"
            "[advice]\n\tdetachedHead = false\n",
            encoding="utf-8",
        )
    env.update(GIT_CONFIG_GLOBAL=str(config), GIT_CONFIG_NOSYSTEM="1", LANG="C.UTF-8")
    env.update(extra)
    return env


Run = Callable[..., subprocess.CompletedProcess]


def make_runner(cwd: Path, env: dict[str, str]) -> Run:
    """run("git", "commit", …, check=True, input=None, env_extra={}) in `cwd`."""

    def run(*args: str, check: bool = True, input: str | None = None, **extra: str):
        result = subprocess.run(
            args,
            cwd=cwd,
            env={**env, **extra},
            input=input,
            capture_output=True,
            text=True,
            encoding="utf-8",
        )
        if check and result.returncode != 0:
            raise AssertionError(
                f"{args} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
            )
        return result

    return run


@pytest.fixture
def git_home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    return home


def install_direct_hooks(repo: Path) -> None:
    """Wire the hooks in as plain git hooks (`python -m …`), the way the sandbox does."""
    hooks = repo / ".git" / "hooks"
    src = REPO_ROOT / "hooks"
    lines = {
        "pre-commit": ["branch_name", "no_artifacts"],
        "commit-msg": ['commit_msg "$1"'],
        "pre-push": ['branch_name "$@" <"$tmp"', 'commit_msg --pre-push "$@" <"$tmp"'],
        "post-checkout": ['branch_name "$@"'],
    }
    for name, modules in lines.items():
        body = ["#!/bin/sh", f'export PYTHONPATH="{src}"', "status=0"]
        if name == "pre-push":  # git's stdin is read by two checks: keep a copy
            body += ['tmp="$(mktemp)"', 'cat > "$tmp"']
        for module in modules:
            body.append(f'"{sys.executable}" -m mergecamp_hooks.{module} || status=1')
        if name == "pre-push":
            body.append('rm -f "$tmp"')
        body.append("exit $status")
        path = hooks / name
        path.write_text("\n".join(body) + "\n", encoding="utf-8")
        path.chmod(0o755)


@pytest.fixture
def repo(tmp_path: Path, git_home: Path) -> tuple[Path, Run]:
    """A repository on main with one commit and the hooks installed as plain git hooks."""
    path = tmp_path / "work"
    path.mkdir()
    run = make_runner(path, clean_env(git_home))
    run("git", "init", "-q", "-b", "main")
    (path / "README.md").write_text("# demo\n", encoding="utf-8")
    run("git", "add", "README.md")
    run("git", "commit", "-q", "-m", "chore: start")
    install_direct_hooks(path)
    return path, run


def shared_dir(factory: pytest.TempPathFactory, name: str) -> Path:
    """A folder all xdist workers of this session see (the workers' common parent)."""
    base = factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent
    path = base / name
    path.mkdir(exist_ok=True)
    return path


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One pre-commit store per session: hook environments are built once, under its lock."""
    return shared_dir(tmp_path_factory, "pre-commit-home")
