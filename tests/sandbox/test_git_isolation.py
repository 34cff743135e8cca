"""Exercise set-up is isolated from the learner's git configuration; the exercise repos'
own hooks run whatever the learner's global ``core.hooksPath`` says.

A hostile but realistic ``~/.gitconfig``: signed tags and commits with a gpg that always
fails, an editor that always fails, ``master`` as the default branch and a global hooks
folder whose hooks fail and leave a trace. ``mergecamp start`` must still build quickly,
without running one of those hooks, on ``main``; and afterwards the learner's own
``git commit`` meets the exercise's hooks, not the global ones.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from mergecamp import gitcmd

HOOKS = ("pre-commit", "commit-msg", "post-checkout", "post-commit", "pre-push", "post-merge")


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A HOME whose global git config is hostile; returns the trace file its hooks touch."""
    home = tmp_path / "hostile-home"
    hooks = home / "global-hooks"
    hooks.mkdir(parents=True)
    trace = tmp_path / "global-hook-ran"
    for name in HOOKS:
        hook = hooks / name
        hook.write_text(f'#!/bin/sh\necho "{name}" >> "{trace}"\nexit 1\n', encoding="utf-8")
        hook.chmod(0o755)
    (home / ".gitconfig").write_text(
        "[user]\n\tname = Hostile Learner\n\temail = hostile@example.com\n"
        "[tag]\n\tgpgSign = true\n[commit]\n\tgpgSign = true\n"
        f"[core]\n\thooksPath = {hooks}\n\teditor = false\n"
        "[init]\n\tdefaultBranch = master\n[gpg]\n\tprogram = false\n",
        encoding="utf-8",
    )
    (tmp_path / "xdg").mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("GIT_CONFIG_GLOBAL", raising=False)
    monkeypatch.delenv("GIT_EDITOR", raising=False)
    monkeypatch.setenv("MERGECAMP_NO_BUILD_CACHE", "1")
    return trace


def mergecamp(workspace: Path, *args: str, cwd: Path | None = None):
    return subprocess.run(
        [sys.executable, "-m", "mergecamp", "--workspace", str(workspace), *args],
        cwd=cwd or workspace.parent,
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=120,
        check=False,
    )


def git(root: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    """The learner's own git: their environment and global config, as typed."""
    proc = subprocess.run(
        ["git", *args], cwd=root, capture_output=True, text=True, timeout=60, check=False
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"git {args} failed:\n{proc.stdout}\n{proc.stderr}")
    return proc


def test_the_hostile_config_is_really_hostile(hostile, tmp_path) -> None:
    """Without isolation, this config hangs on or fails the commands set-up needs."""
    repo = tmp_path / "plain"
    repo.mkdir()
    git(repo, "init", "-q")
    assert git(repo, "symbolic-ref", "--short", "HEAD").stdout.strip() == "master"
    done = git(repo, "commit", "-q", "--allow-empty", "-m", "x", check=False)
    assert done.returncode != 0  # the global pre-commit hook (then gpg) refuses
    assert hostile.exists()


@pytest.mark.parametrize("exercise_id", ["bisect", "stage-and-commit", "cherry-pick-hotfix"])
def test_start_ignores_the_global_config(hostile, workspace, exercise_id) -> None:
    started = mergecamp(workspace, "start", exercise_id)
    assert started.returncode == 0, started.stderr
    assert not hostile.exists(), hostile.read_text()  # no global hook ran during set-up
    root = workspace / exercise_id
    assert git(root, "rev-parse", "--verify", "-q", "refs/heads/main").returncode == 0
    assert git(root, "rev-parse", "--verify", "-q", "refs/heads/master", check=False).stdout == ""
    # Each repository built pins its own hooks folder (the learner's global one loses).
    pinned = git(root, "config", "--local", "core.hooksPath").stdout.strip()
    assert pinned == str(root / ".git" / "hooks")
    team = workspace / f"{exercise_id}-team"
    if team.is_dir():
        origin = team / "origin.git"
        assert git(origin, "config", "--local", "core.hooksPath").stdout.strip() == str(
            origin / "hooks"
        )
    if exercise_id == "bisect":  # the tags stayed lightweight, unsigned
        kinds = git(root, "for-each-ref", "--format=%(objecttype)", "refs/tags").stdout.split()
        assert kinds and set(kinds) == {"commit"}


def test_reset_is_isolated_too(hostile, workspace) -> None:
    assert mergecamp(workspace, "start", "bisect").returncode == 0
    reset = mergecamp(workspace, "reset", "--yes", cwd=workspace / "bisect")
    assert reset.returncode == 0, reset.stderr
    assert not hostile.exists()


def test_the_exercise_hooks_run_for_the_learner(hostile, workspace) -> None:
    assert mergecamp(workspace, "start", "hook-rejected").returncode == 0
    root = workspace / "hook-rejected"
    refused = git(root, "commit", "-m", "changed stuff", check=False)
    assert refused.returncode != 0 and "git branch -m" in refused.stderr  # exercise pre-commit
    git(root, "branch", "-m", "exp/swish-activation")
    refused = git(root, "commit", "-m", "changed stuff", check=False)
    assert refused.returncode != 0 and "type(scope)" in refused.stderr  # exercise commit-msg
    assert not hostile.exists()
    # The learner's own config still applies to their commands (here: signing, turned off
    # for this one commit, and their identity).
    git(root, "-c", "commit.gpgSign=false", "commit", "-q", "-m", "exp(model): try swish")
    assert git(root, "log", "-1", "--format=%an").stdout.strip() == "Hostile Learner"
    assert not hostile.exists()


def test_isolated_env_is_documented_and_restored(monkeypatch) -> None:
    monkeypatch.setenv("GIT_CONFIG_PARAMETERS", "'core.hooksPath'='/elsewhere'")
    monkeypatch.setenv("GIT_TEMPLATE_DIR", "/elsewhere")
    before = dict(os.environ)
    with gitcmd.isolated():
        assert os.environ["GIT_CONFIG_GLOBAL"] == os.devnull
        assert os.environ["GIT_CONFIG_NOSYSTEM"] == "1"
        assert "GIT_CONFIG_PARAMETERS" not in os.environ
        assert "GIT_TEMPLATE_DIR" not in os.environ
        count = int(os.environ["GIT_CONFIG_COUNT"])
        pairs = [
            (os.environ[f"GIT_CONFIG_KEY_{i}"], os.environ[f"GIT_CONFIG_VALUE_{i}"])
            for i in range(count)
        ]
        assert tuple(pairs) == gitcmd.SETUP_CONFIG
    assert dict(os.environ) == before
    for key, value in gitcmd.SETUP_CONFIG:
        assert f"{key}={value}" in (gitcmd.__doc__ or "")
