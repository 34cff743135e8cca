"""After cookiecutter renders the project: keep the chosen CI, then git init and commit.

Runs with the Python that runs cookiecutter, in the new project folder. It never needs
the network and never fails the bake because an optional tool (git, pre-commit) is
missing: it says in one line what to run later instead.

Order matters: the first commit lands on the default branch *before* pre-commit installs
the hooks, so the branch rule ("no commits straight on main") does not refuse it; every
later commit goes through the hooks.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

# The answers arrive as JSON text inside a Python string literal (the py_str filter of
# template/mergecamp_jinja.py), so an answer is data here and can never become code;
# pre_gen_project has already checked each one.
ANSWERS: dict[str, Any] = json.loads({{ cookiecutter | jsonify | py_str }})
INIT_GIT = ANSWERS["init_git"] == "yes"
CI = ANSWERS["ci"]
DEFAULT_BRANCH = ANSWERS["default_branch"]
KO = ANSWERS["docs_language"] == "ko"
AUTHOR = ANSWERS["author_name"]
EMAIL = ANSWERS["author_email"]
HOOKS_SOURCE = ANSWERS["hooks_source"]
HOOKS_REQUIREMENT = ANSWERS["hooks_requirement"]
# cruft (create and update) renders with a `_commit` in the context and keeps .cruft.json
# itself; an update renders into temporary folders, where git and hooks have no place.
UNDER_CRUFT = "_commit" in ANSWERS
FIRST_MESSAGE = f"chore: start {ANSWERS['project_slug']} from the mergecamp template"


def say(en: str, ko: str) -> None:
    """One line in the project's docs language."""
    print(ko if KO else en)


def keep_chosen_ci(root: Path) -> None:
    """Delete the CI files of the platforms not chosen; GitLab gets its own templates."""
    if CI != "github":
        shutil.rmtree(root / ".github" / "workflows", ignore_errors=True)
    if CI != "gitlab":
        (root / ".gitlab-ci.yml").unlink(missing_ok=True)
    if CI == "gitlab":
        # GitLab reads merge request templates and CODEOWNERS from .gitlab/.
        target = root / ".gitlab" / "merge_request_templates"
        target.mkdir(parents=True, exist_ok=True)
        (root / ".github" / "pull_request_template.md").replace(target / "Default.md")
        (root / ".github" / "CODEOWNERS").replace(root / ".gitlab" / "CODEOWNERS")
        shutil.rmtree(root / ".github", ignore_errors=True)


def keep_chosen_hooks(root: Path) -> None:
    """The in-project copy of the hooks only serves hooks_source=local."""
    if HOOKS_SOURCE != "local":
        shutil.rmtree(root / "tools" / "conventions", ignore_errors=True)
        if (root / "tools").is_dir() and not any((root / "tools").iterdir()):
            (root / "tools").rmdir()


def record_template(root: Path) -> None:
    """Write .cruft.json: the template's git repository, commit and these answers.

    With it, `cruft check` says when the template has moved on, and `cruft update` brings
    its changes (new hooks included) into the project as a reviewable diff. Skipped when
    the template is not in a git checkout (cruft needs a commit to compare with).
    """
    source = Path(str(ANSWERS.get("_repo_dir") or ""))
    if not source.is_absolute() or not source.is_dir() or shutil.which("git") is None:
        return
    top = git("-C", str(source), "rev-parse", "--show-toplevel")
    commit = git("-C", str(source), "rev-parse", "HEAD")
    if top.returncode != 0 or commit.returncode != 0:
        return
    repository = Path(top.stdout.strip())
    directory = source.resolve().relative_to(repository.resolve()).as_posix()
    context = {
        key: value
        for key, value in ANSWERS.items()
        if key not in ("_output_dir", "_repo_dir", "_checkout")
    }
    context.update(_template=str(repository), _commit=commit.stdout.strip())
    record = {
        "template": str(repository),
        "commit": commit.stdout.strip(),
        "checkout": None,
        "context": {"cookiecutter": context},
        "directory": None if directory == "." else directory,
    }
    (root / ".cruft.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")


def git(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(("git", *args), capture_output=True, text=True)


def first_commit() -> bool:
    """git init on the default branch and commit everything; False when git is missing."""
    if shutil.which("git") is None:
        say(
            "git is not installed: install it, then run `git init -b "
            f"{DEFAULT_BRANCH}` here.",
            f"git이 설치되어 있지 않아요. 설치한 다음 여기서 `git init -b {DEFAULT_BRANCH}`를 "
            "실행해 주세요.",
        )
        return False
    if git("init", "-q", "-b", DEFAULT_BRANCH).returncode != 0:  # git < 2.28 has no -b
        git("init", "-q")
        git("symbolic-ref", "HEAD", f"refs/heads/{DEFAULT_BRANCH}")
    git("add", "-A")
    identity = []
    if not git("config", "user.email").stdout.strip():
        identity += ["-c", f"user.email={EMAIL}"]
    if not git("config", "user.name").stdout.strip():
        identity += ["-c", f"user.name={AUTHOR}"]
    # --no-verify: global hooks (core.hooksPath) must not block the template's own commit;
    # gpgsign off: a bake must not wait for a signing key.
    done = git(*identity, "-c", "commit.gpgsign=false", "commit", "-q", "--no-verify",
               "-m", FIRST_MESSAGE)
    if done.returncode != 0:
        say(
            f"The first commit failed ({done.stderr.strip()}); commit by hand when ready.",
            f"첫 커밋이 실패했어요 ({done.stderr.strip()}). 준비되면 직접 커밋해 주세요.",
        )
        return False
    return True


def pre_commit_command() -> list[str] | None:
    if importlib.util.find_spec("pre_commit") is not None:
        return [sys.executable, "-m", "pre_commit"]
    if shutil.which("pre-commit"):
        return ["pre-commit"]
    return None


def last_line(result: subprocess.CompletedProcess[str]) -> str:
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    return lines[-1].strip() if lines else "no output"


def hooks_problem(pre_commit: list[str]) -> str | None:
    """Run the conventions hooks once on the first commit; None when they work.

    Installing is not enough: a hook whose environment cannot be built (a requirement
    the package index does not have) would fail every later commit with pre-commit's
    "An unexpected error has occurred". With hooks_source=local this needs no network.
    """
    message = Path(".git") / "MERGECAMP_FIRST_MESSAGE"
    message.write_text(FIRST_MESSAGE + "\n", encoding="utf-8")
    checks = [
        ["run", "mergecamp-no-artifacts", "--all-files"],
        ["run", "mergecamp-commit-msg", "--hook-stage", "commit-msg",
         "--commit-msg-filename", str(message)],
    ]  # fmt: skip
    try:
        for check in checks:
            try:
                result = subprocess.run(
                    [*pre_commit, *check], capture_output=True, text=True, timeout=600
                )
            except subprocess.TimeoutExpired:
                return "pre-commit run took more than 10 minutes"
            if result.returncode != 0:
                return last_line(result)
    finally:
        message.unlink(missing_ok=True)
    return None


def install_hooks() -> None:
    """`pre-commit install`, then prove the hooks run; else say what to do."""
    pre_commit = pre_commit_command()
    if pre_commit is None:
        say(
            "pre-commit is not installed: run `pip install pre-commit && pre-commit install` "
            "to turn on the team's checks.",
            "pre-commit이 없어요. `pip install pre-commit && pre-commit install`을 실행하면 "
            "팀 규칙 검사가 켜져요.",
        )
        return
    result = subprocess.run([*pre_commit, "install"], capture_output=True, text=True)
    if result.returncode != 0:
        say(
            f"pre-commit install did not work ({last_line(result)}); "
            "run `pre-commit install` yourself.",
            f"pre-commit install이 실패했어요 ({last_line(result)}). "
            "직접 `pre-commit install`을 실행해 주세요.",
        )
        return
    problem = hooks_problem(pre_commit)
    if problem is not None:
        # Installed but broken hooks would refuse every commit: switch them off.
        subprocess.run([*pre_commit, "uninstall", "-t", "pre-commit", "-t", "commit-msg",
                        "-t", "pre-push", "-t", "post-checkout"], capture_output=True)  # fmt: skip
        fix_en = (
            f"make {HOOKS_REQUIREMENT} installable from your package index, or bake with "
            "hooks_source=local (the hooks then live in tools/conventions/)"
            if HOOKS_SOURCE == "pypi"
            else "check that `python --version` is 3.11 or newer in this shell"
        )
        fix_ko = (
            f"패키지 저장소에서 {HOOKS_REQUIREMENT}을(를) 설치할 수 있게 하거나, "
            "hooks_source=local로 다시 만들어 주세요 (훅이 tools/conventions/에 들어가요)"
            if HOOKS_SOURCE == "pypi"
            else "이 셸에서 `python --version`이 3.11 이상인지 확인해 주세요"
        )
        say(
            f"The team's hooks could not run ({problem}), so they are switched off and "
            f"commits are not checked. To fix it, {fix_en}, then run `pre-commit install`.",
            f"팀 훅을 실행하지 못했어요 ({problem}). 그래서 훅을 꺼 두었고 커밋을 검사하지 "
            f"않아요. 고치려면 {fix_ko}. 그다음 `pre-commit install`을 실행해 주세요.",
        )
        return
    say(
        "Hooks installed and tried on the first commit: commits, messages and pushes are "
        "checked from now on.",
        "훅을 설치하고 첫 커밋으로 실행해 봤어요. 이제부터 커밋, 커밋 메시지, 푸시를 검사해요.",
    )


def main() -> None:
    root = Path.cwd()
    keep_chosen_ci(root)
    keep_chosen_hooks(root)
    if not INIT_GIT or UNDER_CRUFT:
        return
    record_template(root)
    if first_commit():
        say(
            f"git repository ready on `{DEFAULT_BRANCH}` with a first commit. Next: "
            "`git switch -c feat/<topic>`.",
            f"`{DEFAULT_BRANCH}` 브랜치에 첫 커밋까지 해 뒀어요. 다음은 "
            "`git switch -c feat/<topic>`이에요.",
        )
        install_hooks()


if __name__ == "__main__":
    main()
