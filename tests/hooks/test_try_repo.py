"""The root .pre-commit-hooks.yaml works for any repository, through `pre-commit try-repo`.

try-repo installs this checkout (uncommitted changes included) into a fresh hook
environment: one more environment for the session, so it is a single test.
"""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import REPO_ROOT, clean_env, make_runner


def test_try_repo_commit_msg(tmp_path: Path, git_home: Path, pre_commit_home: Path) -> None:
    work = tmp_path / "elsewhere"
    work.mkdir()
    run = make_runner(work, clean_env(git_home, PRE_COMMIT_HOME=str(pre_commit_home)))
    run("git", "init", "-q", "-b", "main")
    (work / "msg").write_text("Update stuff\n", encoding="utf-8")
    result = run(
        sys.executable,
        "-m",
        "pre_commit",
        "try-repo",
        str(REPO_ROOT),
        "mergecamp-commit-msg",
        "--hook-stage",
        "commit-msg",
        "--commit-msg-filename",
        "msg",
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "✘ mergecamp commit-msg" in output and "git commit -m 'chore: update stuff'" in output
