"""stage-and-commit: working directory → staging area → repository.

Two files are modified; only the config change belongs in the commit, with a
Conventional Commit message. The README notes stay modified and uncommitted.
Texts, steps and wrong answers are in ``exercise.toml``.
"""

from __future__ import annotations

import shlex

from mergecamp import checks as C
from mergecamp import predicates as P
from mergecamp.configs import read_option
from mergecamp.exercise_data import define
from mergecamp.exercises._common import CONFIG, edit_config, project_repo
from mergecamp.judge import Judge
from mergecamp.scene import Scene
from mergecamp.scripting import append_text, checkout

BRANCH = "feat/wider-lstm"
README = "README.md"
NOTES = "\n## Notes (draft, do not commit)\n\n- ask Jun if 128 units still fit on the lab GPU\n"


def setup(scene: Scene) -> None:
    repo, _clock = project_repo(scene)
    checkout(repo, BRANCH, create_from="main")
    edit_config(scene, hidden_size=128)
    append_text(scene.root / README, NOTES)


def start(j: Judge) -> str:
    return j.start(f"refs/heads/{BRANCH}") or BRANCH


def new_commits(j: Judge) -> list:
    return j.memo("new", lambda: C.new_commits(j.repo, start(j), BRANCH))


def commit(j: Judge):
    missing = P.branch_missing(j, BRANCH)
    if missing is not None:
        return missing
    if not new_commits(j):
        here = read_option(C.worktree_text(j.repo, CONFIG), "hidden_size") == "128"
        return j.fail("no-commit" if here else "change-gone", b=BRANCH, f=CONFIG)
    return P.option_is(j, BRANCH, "hidden_size", "128")


def only_config(j: Judge):
    extra = sorted(set().union(*(C.changed_paths(j.repo, c) for c in new_commits(j))) - {CONFIG})
    if extra:
        files = ", ".join(f"`{p}`" for p in extra)
        return j.fail("also-took", files=files, s7=start(j)[:7], paths=shlex.join(extra))
    return j.ok("only-config", f=CONFIG)


def message(j: Judge):
    new = new_commits(j)
    bad = [c for c in new if not C.is_conventional(C.subject(c))]
    if not bad:
        return j.ok("conventional", s=C.subject(new[0]))
    if bad == new[:1]:  # only the last one: `--amend` fixes it
        return j.fail("not-conventional", s=C.subject(bad[0]))
    return j.fail("older-not-conventional", s=C.subject(bad[-1]), s7=start(j)[:7])


def readme_left(j: Judge):
    at_start, at_tip = C.file_at(j.repo, start(j), README), C.file_at(j.repo, BRANCH, README)
    if at_tip is not None and at_start is not None and at_tip != at_start:
        return j.fail("readme-committed", b=BRANCH, s7=start(j)[:7], r=README)
    text = C.worktree_text(j.repo, README)
    if text is None or "Notes (draft" not in text:
        return j.fail("readme-lost")
    return j.ok("readme-left")


EXERCISE = define(
    __file__,
    setup=setup,
    steps={
        "commit": commit,
        "only-config": only_config,
        "message": message,
        "readme-left": readme_left,
    },
)
