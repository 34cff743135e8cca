"""The conventions hooks on settings of the wrong type and on branch names that are not
UTF-8: one clear line or the usual lesson, never a traceback that blocks `git commit`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hooks.conftest import REPO_ROOT, clean_env

HOOKS = ("branch_name", "commit_msg", "no_artifacts")


def _bytes_run(cwd: Path, env: dict[str, str], *args: bytes | str, stdin: bytes | None = None):
    """Run with bytes in and out: git's own messages may hold the non-UTF-8 name."""
    result = subprocess.run(args, cwd=cwd, env=env, input=stdin, capture_output=True)
    return (
        result.returncode,
        result.stdout.decode("utf-8", "replace"),
        result.stderr.decode("utf-8", "replace"),
    )


def _hook_env(git_home: Path, **extra: str) -> dict[str, str]:
    return clean_env(git_home, PYTHONPATH=str(REPO_ROOT / "hooks"), **extra)


def _run_hook(cwd: Path, env: dict[str, str], module: str, *args: str):
    message = cwd / "MSG"
    message.write_text("feat: fine\n", encoding="utf-8")
    extra = [str(message)] if module == "commit_msg" else []
    return _bytes_run(cwd, env, sys.executable, "-m", f"mergecamp_hooks.{module}", *args, *extra)


@pytest.mark.parametrize("module", HOOKS)
def test_types_of_the_wrong_type_is_refused_in_one_line(repo, git_home: Path, module) -> None:
    path, _run = repo
    (path / "pyproject.toml").write_text("[tool.mergecamp]\ntypes = 5\n", encoding="utf-8")
    code, _out, err = _run_hook(path, _hook_env(git_home), module)
    assert code == 2, err
    assert "Traceback" not in err
    assert err.count("\n") == 1, err  # one line
    assert "[tool.mergecamp] types in pyproject.toml must be a list of strings" in err
    assert "not a whole number (5)" in err and 'types = ["feat", "fix", "exp"]' in err


@pytest.mark.parametrize(
    ("setting", "key", "words"),
    [
        ('types = [1, "fix"]', "types", "not a list holding a whole number"),
        ("default_branch = 5", "default_branch", "must be a string, not a whole number"),
        ('max_kb = "big"', "max_kb", "must be a whole number of KB, not a string ('big')"),
        ("max_kb = true", "max_kb", "not true or false (True)"),
        ("language = [1]", "language", 'must be a string, "en" or "ko"'),
        ("types = { a = 1 }", "types", "not a table"),
    ],
)
def test_every_known_key_names_its_type(repo, git_home: Path, setting, key, words) -> None:
    path, _run = repo
    (path / "pyproject.toml").write_text(f"[tool.mergecamp]\n{setting}\n", encoding="utf-8")
    code, _out, err = _run_hook(path, _hook_env(git_home), "branch_name")
    assert code == 2 and "Traceback" not in err
    assert f"[tool.mergecamp] {key} in pyproject.toml" in err and words in err, err


def test_wrong_type_in_korean(repo, git_home: Path) -> None:
    path, _run = repo
    (path / "pyproject.toml").write_text(
        '[tool.mergecamp]\nlanguage = "ko"\nmax_kb = 1.5\n', encoding="utf-8"
    )
    code, _out, err = _run_hook(path, _hook_env(git_home), "no_artifacts")
    assert code == 2 and "Traceback" not in err
    assert "오류: pyproject.toml의 [tool.mergecamp] max_kb 값은 KB 단위 정수여야 해요." in err
    assert "지금 값: 1.5 (실수)" in err and "max_kb = 500" in err


def test_wrong_type_blocks_the_commit_with_the_line_not_a_traceback(repo, git_home) -> None:
    path, run = repo
    run("git", "switch", "-q", "-c", "feat/settings")
    (path / "pyproject.toml").write_text("[tool.mergecamp]\ntypes = 5\n", encoding="utf-8")
    run("git", "add", "pyproject.toml")
    result = run("git", "commit", "-q", "-m", "feat: settings", check=False)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "mergecamp branch-name: error: [tool.mergecamp] types" in result.stderr


def _switch_to_latin1_branch(path: Path, env: dict[str, str]) -> None:
    code, _out, err = _bytes_run(path, env, b"git", b"switch", b"-q", b"-c", b"caf\xe9")
    assert "Traceback" not in err
    assert code == 0, err  # post-checkout only advises


def test_non_utf8_branch_gets_the_lesson_and_a_fix_that_works(repo, git_home: Path) -> None:
    path, _run = repo
    env = clean_env(git_home)
    _switch_to_latin1_branch(path, env)
    (path / "model.py").write_text("x = 1\n", encoding="utf-8")
    _bytes_run(path, env, "git", "add", "model.py")
    code, _out, err = _bytes_run(path, env, "git", "commit", "-q", "-m", "feat: model")
    assert code != 0
    assert "Traceback" not in err
    assert "the branch name `caf\ufffd` does not follow `<type>/<topic>`" in err
    assert '"caf\ufffd"' in err
    fix = "git branch -m \"$(printf 'caf\\351')\" feat/caf"
    assert fix in err
    # The command the lesson gives renames the branch whose bytes nobody can type.
    code, _out, err = _bytes_run(path, env, "sh", "-c", fix)
    assert code == 0, err
    code, out, _err = _bytes_run(path, env, "git", "symbolic-ref", "--short", "HEAD")
    assert out.strip() == "feat/caf"
    code, _out, err = _bytes_run(path, env, "git", "commit", "-q", "-m", "feat: model")
    assert code == 0, err


def test_non_utf8_branch_in_packed_refs_on_push(repo, git_home: Path, tmp_path: Path) -> None:
    path, run = repo
    env = clean_env(git_home)
    remote = tmp_path / "remote.git"
    run("git", "init", "-q", "--bare", str(remote))
    run("git", "remote", "add", "origin", str(remote))
    _bytes_run(path, env, b"git", b"branch", b"exp/caf\xe9")
    _bytes_run(path, env, "git", "pack-refs", "--all")
    assert b"exp/caf\xe9" in (path / ".git" / "packed-refs").read_bytes()
    code, _out, err = _bytes_run(path, env, b"git", b"push", b"origin", b"exp/caf\xe9")
    assert code != 0
    assert "Traceback" not in err
    assert "the branch name `exp/caf\ufffd` does not follow" in err
    assert "git branch -m \"$(printf 'exp/caf\\351')\" exp/caf" in err


def test_pre_push_input_with_latin1_bytes_read_directly(repo, git_home: Path) -> None:
    path, run = repo
    sha = run("git", "rev-parse", "HEAD").stdout.strip()
    line = b"refs/heads/caf\xe9 " + sha.encode() + b" refs/heads/caf\xe9 " + b"0" * 40 + b"\n"
    env = _hook_env(git_home)
    hook = (sys.executable, "-m", "mergecamp_hooks.branch_name", "origin", "url")
    code, _out, err = _bytes_run(path, env, *hook, stdin=line)
    assert code == 1 and "Traceback" not in err and "`caf\ufffd`" in err
    msg = (sys.executable, "-m", "mergecamp_hooks.commit_msg", "--pre-push", "origin", "url")
    code, _out, err = _bytes_run(path, env, *msg, stdin=line)
    assert code == 0 and "Traceback" not in err, err  # its message is fine


def test_escape_sequences_in_a_message_do_not_reach_the_terminal(repo) -> None:
    path, run = repo
    run("git", "switch", "-q", "-c", "feat/escape")
    (path / "a.py").write_text("a = 1\n", encoding="utf-8")
    run("git", "add", "a.py")
    evil = "\x1b]8;;https://evil.example\x07click\x1b]8;;\x07 \x1b[31mred"
    result = run("git", "commit", "-q", "-m", evil, check=False)
    assert result.returncode != 0
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "␛]8;;https://evil.example␇click" in result.stderr


def test_a_file_name_with_an_escape_sequence_is_shown_not_run(repo) -> None:
    path, run = repo
    run("git", "switch", "-q", "-c", "feat/weights")
    name = "model\x1b[2J.ckpt"
    (path / name).write_bytes(b"\0")
    run("git", "add", "-f", "--", name)
    result = run("git", "commit", "-q", "-m", "feat: weights", check=False)
    assert result.returncode != 0
    assert "\x1b" not in result.stderr and "model␛[2J.ckpt" in result.stderr


@pytest.mark.skipif(os.name != "posix", reason="byte-named refs")
def test_ci_branch_variable_that_is_not_utf8(repo, git_home: Path) -> None:
    path, _run = repo
    env = _hook_env(git_home)
    env_b = {k.encode(): v.encode() for k, v in env.items()}
    env_b[b"GITHUB_HEAD_REF"] = b"caf\xe9"
    result = subprocess.run(
        [sys.executable, "-m", "mergecamp_hooks.branch_name"],
        cwd=path,
        env=env_b,  # type: ignore[arg-type]
        capture_output=True,
    )
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 1 and "Traceback" not in err and "`caf\ufffd`" in err


def test_a_pushed_branch_with_a_line_separator_gets_the_lesson(repo, git_home: Path) -> None:
    path, run = repo
    sha = run("git", "rev-parse", "HEAD").stdout.strip()
    ref = "refs/heads/nel\u0085x".encode()
    line = ref + b" " + sha.encode() + b" " + ref + b" " + b"0" * 40 + b"\n"
    hook = (sys.executable, "-m", "mergecamp_hooks.branch_name", "origin", "url")
    code, _out, err = _bytes_run(path, _hook_env(git_home), *hook, stdin=line)
    assert code == 1 and "Traceback" not in err and "\u0085" not in err
    assert '"nel\\x85x"' in err and "git branch -m \"$(printf 'nel\\302\\205x')\" feat/nel-x" in err


@pytest.mark.parametrize("toml", ['tool = "mergecamp"\n', "[tool]\nmergecamp = 5\n"])
def test_a_tool_table_that_is_not_a_table_warns_and_checks(repo, git_home, toml) -> None:
    path, _run = repo
    (path / "pyproject.toml").write_text(toml, encoding="utf-8")
    code, _out, err = _run_hook(path, _hook_env(git_home), "branch_name")
    assert code == 0 and "Traceback" not in err  # on main, not committing: fine
    assert "[tool.mergecamp] in pyproject.toml is not a table; ignoring it" in err


def test_a_large_file_named_in_latin1_is_found_and_the_fix_works(repo, git_home) -> None:
    path, run = repo
    run("git", "switch", "-q", "-c", "feat/data")
    env = clean_env(git_home)
    with open(bytes(path) + b"/big\xe9.csv", "wb") as handle:
        handle.write(b"0" * 600_000)
    _bytes_run(path, env, "git", "add", "-A")
    code, _out, err = _bytes_run(path, env, "git", "commit", "-q", "-m", "feat: data")
    assert code != 0 and "Traceback" not in err
    assert '"big\ufffd.csv" (585 KB)' in err
    fix = "git rm --cached -- \"$(printf 'big\\351.csv')\" && echo \"$(printf 'big\\351.csv')\""
    assert fix in err
    code, _out, err = _bytes_run(path, env, "sh", "-c", fix + " >> .gitignore")
    assert code == 0, err
    assert b"big\xe9.csv" in (path / ".gitignore").read_bytes()
    _bytes_run(path, env, "git", "add", ".gitignore")
    code, _out, err = _bytes_run(path, env, "git", "commit", "-q", "-m", "feat: data")
    assert code == 0, err  # only .gitignore is committed now
