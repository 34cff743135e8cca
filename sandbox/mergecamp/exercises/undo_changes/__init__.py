"""undo-changes: discard a bad edit, unstage a log that must not be committed, and fix
the last commit's message. An amend means: same parent, same content, a new Conventional
Commit message. Texts, steps and wrong answers are in ``exercise.toml``.
"""

from __future__ import annotations

import shlex

from mergecamp import checks as C
from mergecamp.exercise_data import define
from mergecamp.exercises._common import change, package_dir, project_repo, short
from mergecamp.judge import Judge
from mergecamp.render import PACKAGE
from mergecamp.scene import Scene
from mergecamp.scripting import YOU, append_text, checkout

BRANCH = "feat/longer-sequences"
BAD_FILE = f"src/{PACKAGE}/models/recurrent.py"
LOG_FILE = "lightning_logs/version_0/metrics.csv"
OLD_MESSAGE = "stuff"
STRAY = "breakpoint()"


def setup(scene: Scene) -> None:
    repo, clock = project_repo(scene)
    checkout(repo, BRANCH, create_from="main")
    change(repo, scene, clock, YOU, OLD_MESSAGE, seq_len=100)
    append_text(
        package_dir(scene) / "models" / "recurrent.py", "\nbreakpoint()  # why is the loss nan?\n"
    )
    log = scene.root / LOG_FILE
    log.parent.mkdir(parents=True, exist_ok=True)
    log.write_text(
        "epoch,step,train/loss,val/loss\n0,99,0.4121,0.3877\n1,199,nan,nan\n", encoding="utf-8"
    )
    repo.git.add("--force", LOG_FILE)


def discard(j: Judge):
    if STRAY in (C.file_at(j.repo, "HEAD", BAD_FILE) or ""):
        s7 = (j.start(f"refs/heads/{BRANCH}") or "HEAD")[:7]
        return j.fail(
            "breakpoint-committed", f=BAD_FILE, c=short(C.commit_of(j.repo, "HEAD")), s7=s7
        )
    text = C.worktree_text(j.repo, BAD_FILE)
    if text is not None and STRAY in text:
        return j.fail("breakpoint-left", f=BAD_FILE)
    if BAD_FILE in C.dirty_paths(j.repo) or text is None:
        return j.fail("file-differs", f=BAD_FILE)
    return j.ok("discarded", f=BAD_FILE)


def unstage(j: Judge):
    if C.file_at(j.repo, "HEAD", LOG_FILE) is not None:
        return j.fail("log-committed", f=LOG_FILE, c=short(C.commit_of(j.repo, "HEAD")))
    if LOG_FILE in C.staged_paths(j.repo):
        return j.fail("log-staged", f=LOG_FILE)
    return j.ok("unstaged", f=LOG_FILE)


def message(j: Judge):
    start = j.start(f"refs/heads/{BRANCH}")
    head, old = C.commit_of(j.repo, "HEAD"), C.commit_of(j.repo, start) if start else None
    if head is None or old is None:
        return j.fail("commit-missing", m=OLD_MESSAGE)
    if head.sha == old.sha:
        return j.fail("still-old-message", m=OLD_MESSAGE)
    if C.is_ancestor(j.repo, old.sha, head.sha):
        return j.fail("new-commit-on-top", c=short(head), m=OLD_MESSAGE, s7=old.sha[:7])
    if head.parents != old.parents:
        return j.fail("not-in-place", c=short(head))
    if head.tree != old.tree:
        extra = sorted(C.paths_changed_between(j.repo, old.sha, head.sha))
        files, paths = ", ".join(f"`{p}`" for p in extra), " ".join(map(shlex.quote, extra))
        return j.fail("amend-changed-files", files=files, paths=paths, s7=old.sha[:7])
    if not C.is_conventional(C.subject(head)):
        return j.fail("not-conventional", s=C.subject(head))
    return j.ok("message-fixed", s=C.subject(head))


EXERCISE = define(
    __file__, setup=setup, steps={"discard": discard, "unstage": unstage, "message": message}
)
