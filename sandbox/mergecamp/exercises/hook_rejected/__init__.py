"""hook-rejected: the conventions hooks refuse a commit; fix the branch and the message.

The repository gets the project's conventions hooks as real git hooks (pre-commit: branch
name and artifacts; commit-msg: Conventional Commits, then ``mergecamp.hooklog``), so the
learner reads the hooks' own lessons. Texts, steps, wrong answers: ``exercise.toml``.
"""

from __future__ import annotations

import shlex
import stat
import sys
from pathlib import Path

from mergecamp.exercise_data import define
from mergecamp.exercises._common import CONFIG, project_repo
from mergecamp.judge import Judge
from mergecamp.scene import Scene
from mergecamp.scripting import set_option
from mergecamp.state import read_state
from mergecamp.team import conventions

START_BRANCH = "MySwishTest"

_HOOKS = {
    "pre-commit": (
        "{py} -m mergecamp_hooks.branch_name --hook pre-commit || exit 1\n"
        "exec {py} -m mergecamp_hooks.no_artifacts\n"
    ),
    # Once a message is accepted, mergecamp.hooklog notes it: a learner commit whose
    # message is not in that log skipped the hooks (the hooks-intact invariant).
    "commit-msg": (
        '{py} -m mergecamp_hooks.commit_msg "$1" || exit 1\nexec {py} -m mergecamp.hooklog "$1"\n'
    ),
}


def install_convention_hooks(root: Path) -> None:
    """Write pre-commit and commit-msg hooks that run the conventions hooks."""
    hooks = root / ".git" / "hooks"
    hooks.mkdir(parents=True, exist_ok=True)
    for name, body in _HOOKS.items():
        path = hooks / name
        path.write_text(
            "#!/bin/sh\n# mergecamp: the team's conventions (mergecamp_hooks)\n"
            + body.format(py=shlex.quote(sys.executable)),
            encoding="utf-8",
        )
        path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)


def setup(scene: Scene) -> None:
    repo, _clock = project_repo(scene)
    repo.git.checkout("-q", "-b", START_BRANCH)
    set_option(scene.root / CONFIG, "activation", "swish")
    repo.git.add(CONFIG)
    install_convention_hooks(scene.root)


def branch(j: Judge):
    name = read_state(j.scene.root / ".git").branch
    if name is None or name == "main":  # the hook refuses commits on main
        return j.fail(
            "no-topic-branch", b=name or "HEAD", new=conventions.suggest_branch(START_BRANCH)
        )
    if conventions.branch_problem(name) is not None:
        return j.fail("bad-branch", b=name, new=conventions.suggest_branch(name))
    return j.ok("branch-ok", b=name)


def _own(j: Judge, *paths: str):
    return j.repo.log(f"{j.start('refs/heads/main') or 'main'}..HEAD", *paths)


def message(j: Judge):
    bad = [c for c in _own(j) if conventions.message_problem(c.subject)]
    return j.fail("bad-message", s=bad[0].subject) if bad else j.ok("message-ok")


EXERCISE = define(
    __file__,
    setup=setup,
    steps={
        "branch": branch,
        "committed": lambda j: j.ok("committed") if _own(j, CONFIG) else j.fail("not-committed"),
        "message": message,
    },
)
