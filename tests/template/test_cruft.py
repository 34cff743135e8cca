"""Template updates reach existing projects through cruft (.cruft.json, `cruft update`).

The template and the hooks it copies are put in a temporary git repository shaped like
this one (template/, hooks/mergecamp_hooks/); a project baked from it then receives a
later commit of that repository with `cruft update`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from template_baking import REPO

CRUFT = Path(sys.executable).with_name("cruft")
pytestmark = pytest.mark.skipif(not CRUFT.exists(), reason="cruft is not installed")
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc")


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(
        GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1", GIT_AUTHOR_NAME="Mina Kim",
        GIT_AUTHOR_EMAIL="mina@example.com", GIT_COMMITTER_NAME="Mina Kim",
        GIT_COMMITTER_EMAIL="mina@example.com",
    )  # fmt: skip
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, f"{args}: {done.stdout}\n{done.stderr}"
    return done


@pytest.fixture
def template_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "mergecamp"
    shutil.copytree(REPO / "template", repo / "template", ignore=IGNORED)
    shutil.copytree(REPO / "hooks" / "mergecamp_hooks", repo / "hooks" / "mergecamp_hooks",
                    ignore=IGNORED)  # fmt: skip
    run("git", "init", "-q", "-b", "main", cwd=repo)
    run("git", "add", "-A", cwd=repo)
    run("git", "commit", "-q", "-m", "chore: the template", cwd=repo)
    return repo


def change_the_template(repo: Path) -> None:
    """A later commit: a hook, a file of the project, and a new question whose default
    is a Jinja expression (which a stale copy of mergecamp_jinja would refuse)."""
    with (repo / "hooks" / "mergecamp_hooks" / "texts.py").open("a", encoding="utf-8") as f:
        f.write("# a newer hook\n")
    questions = repo / "template" / "cookiecutter.json"
    variables = json.loads(questions.read_text(encoding="utf-8"))
    names = list(variables)
    at = names.index("author_email") + 1
    variables = {
        **{k: variables[k] for k in names[:at]},
        "maintainer": "{{ cookiecutter.author_name }}",
        **{k: variables[k] for k in names[at:]},
    }
    questions.write_text(json.dumps(variables, ensure_ascii=False, indent=2), encoding="utf-8")
    notes = repo / "template" / "{{cookiecutter.project_slug}}" / "MAINTAINERS.md"
    notes.write_text("{{ cookiecutter.maintainer | md_text }} keeps this project.\n")
    run("git", "add", "-A", cwd=repo)
    run("git", "commit", "-q", "-m", "feat: newer hooks and a maintainer", cwd=repo)


def commit_all(project: Path) -> None:
    run("git", "add", "-A", cwd=project)
    run("git", "commit", "-q", "--no-verify", "-m", "chore: sync", cwd=project)


def test_cruft_update_brings_template_and_hook_changes(tmp_path, template_repo):
    run(CRUFT, "create", template_repo, "--directory", "template", "--no-input",
        "--output-dir", tmp_path / "out", "--extra-context",
        '{"init_git": "no", "author_name": "Mina Kim"}', cwd=tmp_path)  # fmt: skip
    project = tmp_path / "out" / "sequence-lab"
    run("git", "init", "-q", "-b", "main", cwd=project)
    commit_all(project)
    run(CRUFT, "check", cwd=project)

    change_the_template(template_repo)
    outdated = subprocess.run([CRUFT, "check"], cwd=project, capture_output=True, text=True)
    assert outdated.returncode != 0
    run(CRUFT, "update", "-y", cwd=project)

    copy = project / "tools" / "conventions" / "mergecamp_hooks" / "texts.py"
    assert copy.read_text(encoding="utf-8").endswith("# a newer hook\n")
    assert (project / "MAINTAINERS.md").read_text() == "Mina Kim keeps this project.\n"
    commit_all(project)
    run(CRUFT, "check", cwd=project)


def test_a_git_bake_records_its_template_for_cruft(tmp_path, template_repo):
    env_home = tmp_path / "home"
    env_home.mkdir()
    run(sys.executable, "-m", "cookiecutter", "--no-input", template_repo / "template",
        "-o", tmp_path / "out", cwd=tmp_path)  # fmt: skip
    project = tmp_path / "out" / "sequence-lab"
    record = json.loads((project / ".cruft.json").read_text(encoding="utf-8"))
    assert record["template"] == str(template_repo) and record["directory"] == "template"
    assert record["context"]["cookiecutter"]["model"] == "lstm"
    # The record is part of the first commit, so the tree is clean for `cruft update`.
    assert run("git", "status", "--porcelain", cwd=project).stdout == ""
    run(CRUFT, "check", cwd=project)
    change_the_template(template_repo)
    run(CRUFT, "update", "-y", cwd=project)
    assert "keeps this project" in (project / "MAINTAINERS.md").read_text()
