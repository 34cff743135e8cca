"""The hooks as plain git hooks (`python -m mergecamp_hooks.…`), in real repositories.

This is how the sandbox's exercise repositories use them; the pre-commit wiring is
tested on a baked project in test_baked_project.py.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import REPO_ROOT, clean_env, make_runner


def commit_file(run, path: Path, name: str, message: str, check: bool = True):
    (path / name).write_text(f"{name}\n", encoding="utf-8")
    run("git", "add", name)
    return run("git", "commit", "-q", "-m", message, check=check)


def test_commit_on_main_is_refused_with_the_lesson(repo) -> None:
    path, run = repo
    result = commit_file(run, path, "model.py", "feat: add model", check=False)
    assert result.returncode != 0
    assert "commit straight on `main`" in result.stderr
    assert "git switch -c feat/model" in result.stderr  # topic taken from the staged file
    assert run("git", "rev-list", "--count", "HEAD").stdout.strip() == "1"


def test_bad_branch_bad_message_and_weights_are_refused(repo) -> None:
    path, run = repo
    run("git", "switch", "-q", "-c", "Feature/New_Model")
    result = commit_file(run, path, "a.py", "feat: a", check=False)
    assert result.returncode != 0 and "git branch -m Feature/New_Model feat/new_model" in (
        result.stderr
    )
    run("git", "branch", "-m", "feat/new-model")
    result = commit_file(run, path, "a.py", "added a thing", check=False)
    assert result.returncode != 0 and "`type(scope): subject`" in result.stderr
    assert "git commit -m 'feat: added a thing'" in result.stderr
    (path / "model.ckpt").write_bytes(b"\0" * 10)
    run("git", "add", "-f", "model.ckpt")
    result = run("git", "commit", "-q", "-m", "feat: weights", check=False)
    assert result.returncode != 0 and "git rm --cached -r -- '*.ckpt'" in result.stderr


def test_good_branch_and_messages_pass_in_both_languages(repo) -> None:
    path, run = repo
    run("git", "switch", "-q", "-c", "feat/gru")
    commit_file(run, path, "a.py", "feat(models): 양방향 GRU 추가")
    commit_file(run, path, "b.py", "fix: pad the last batch\n\nbody")
    (path / "pyproject.toml").write_text('[tool.mergecamp]\nlanguage = "ko"\n')
    run("git", "add", "pyproject.toml")
    result = run("git", "commit", "-q", "-m", "oops", check=False)
    assert "첫 줄이 `type(scope): subject` 모양이 아니에요" in result.stderr
    assert "고치는 법" in result.stderr


def test_merge_no_ff_and_revert_pass(repo) -> None:
    path, run = repo
    run("git", "switch", "-q", "-c", "exp/lstm")
    commit_file(run, path, "a.py", "exp: try lstm")
    run("git", "switch", "-q", "-c", "feat/gru", "main")
    commit_file(run, path, "b.py", "feat: gru")
    run("git", "merge", "--no-ff", "--no-edit", "exp/lstm")
    assert run("git", "log", "-1", "--format=%s").stdout.startswith("Merge branch 'exp/lstm'")
    run("git", "revert", "--no-edit", "HEAD~1")
    assert run("git", "log", "-1", "--format=%s").stdout.startswith('Revert "')
    # Concluding a merge on main (after a conflict) is how main changes: allowed.
    run("git", "switch", "-q", "main")
    run("git", "merge", "--no-ff", "--no-commit", "exp/lstm")
    run("git", "commit", "-q", "--no-edit")


def test_detached_head_passes(repo) -> None:
    path, run = repo
    run("git", "switch", "-q", "--detach")
    commit_file(run, path, "a.py", "fix: while bisecting")


def test_post_checkout_only_advises(repo) -> None:
    _, run = repo
    result = run("git", "switch", "-c", "My_Branch")
    assert "→ mergecamp branch-name (tip)" in result.stderr
    assert run("git", "branch", "--show-current").stdout.strip() == "My_Branch"


def test_pre_push_checks_every_new_commit(repo, tmp_path: Path) -> None:
    path, run = repo
    run("git", "init", "-q", "--bare", str(tmp_path / "origin.git"))
    run("git", "remote", "add", "origin", str(tmp_path / "origin.git"))
    run("git", "push", "-q", "origin", "main")
    run("git", "switch", "-q", "-c", "feat/push")
    commit_file(run, path, "a.py", "feat: one")
    run("git", "push", "-q", "-u", "origin", "feat/push")  # new branch: zero remote sha
    commit_file(run, path, "b.py", "WIP", check=False)
    run("git", "commit", "-q", "--no-verify", "-m", "WIP")
    bad = run("git", "rev-parse", "--short=7", "HEAD").stdout.strip()
    commit_file(run, path, "c.py", "feat: three")
    result = run("git", "push", "origin", "feat/push", check=False)
    assert result.returncode != 0
    assert f'"{bad} WIP"' in result.stderr
    assert f"git rebase -i {bad}~1" in result.stderr
    run("git", "push", "-q", "origin", ":feat/push")  # deleting needs no check


def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, git_home: Path) -> None:
    env = clean_env(git_home, PYTHONPATH=str(REPO_ROOT / "hooks"))
    run = make_runner(tmp_path, env)
    py = sys.executable
    cases = [
        ([py, "-m", "mergecamp_hooks.commit_msg", str(tmp_path / "missing")], "cannot read"),
        ([py, "-m", "mergecamp_hooks.commit_msg", "--max-kb", "0", "x"], "--max-kb"),
        ([py, "-m", "mergecamp_hooks.branch_name"], "not a git repository"),
        ([py, "-m", "mergecamp_hooks.commit_msg", "--pre-push", "--range", "a..b"], "error"),
    ]
    for args, words in cases:
        result = run(*args, check=False)
        assert result.returncode == 2, (args, result.stderr)
        assert words in result.stderr and "Traceback" not in result.stderr
    result = run(py, "-m", "mergecamp_hooks.no_artifacts", "--lang", "fr", check=False)
    assert result.returncode == 2 and "invalid choice" in result.stderr


def test_ci_checks_the_pull_request_branch(repo) -> None:
    _, run = repo
    hook = (sys.executable, "-m", "mergecamp_hooks.branch_name")
    pythonpath = str(REPO_ROOT / "hooks")
    ok = run(
        *hook,
        PYTHONPATH=pythonpath,
        GITHUB_ACTIONS="true",
        GITHUB_REF_NAME="main",
        GITHUB_REF_TYPE="branch",
        check=False,
    )
    assert ok.returncode == 0  # CI on main does not fail
    bad = run(*hook, PYTHONPATH=pythonpath, GITHUB_HEAD_REF="My-PR", check=False)
    assert bad.returncode == 1 and "My-PR" in bad.stderr
    gitlab = run(
        *hook,
        PYTHONPATH=pythonpath,
        GITLAB_CI="true",
        CI_MERGE_REQUEST_SOURCE_BRANCH_NAME="exp/ok",
        check=False,
    )
    assert gitlab.returncode == 0


def test_modules_run_with_python_m_outside_pytest() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mergecamp_hooks.branch_name", "--help"],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(REPO_ROOT / "hooks")},
    )
    assert result.returncode == 0 and "--default-branch" in result.stdout
