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


def install_hooks() -> None:
    """`pre-commit install` when pre-commit is available here; else say how."""
    if importlib.util.find_spec("pre_commit") is not None:
        command = [sys.executable, "-m", "pre_commit", "install"]
    elif shutil.which("pre-commit"):
        command = ["pre-commit", "install"]
    else:
        say(
            "pre-commit is not installed: run `pip install pre-commit && pre-commit install` "
            "to turn on the team's checks.",
            "pre-commit이 없어요. `pip install pre-commit && pre-commit install`을 실행하면 "
            "팀 규칙 검사가 켜져요.",
        )
        return
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        reason = (result.stderr or result.stdout).strip().splitlines()
        say(
            f"pre-commit install did not work ({reason[-1] if reason else 'unknown'}); "
            "run `pre-commit install` yourself.",
            f"pre-commit install이 실패했어요 ({reason[-1] if reason else '원인 불명'}). "
            "직접 `pre-commit install`을 실행해 주세요.",
        )
        return
    say(
        "Hooks installed: commits, messages and pushes are checked from now on.",
        "훅을 설치했어요. 이제부터 커밋, 커밋 메시지, 푸시를 검사해요.",
    )


def main() -> None:
    root = Path.cwd()
    keep_chosen_ci(root)
    if not INIT_GIT:
        return
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
