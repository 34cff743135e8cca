"""reflog-rescue: a branch was deleted by mistake; bring its commits back from the reflog.

Setup leaves the lost tip in ``.git/mergecamp-tip``; the first check moves it into the
exercise metadata. Texts, steps and wrong answers are in ``exercise.toml``.
"""

from __future__ import annotations

from mergecamp import checks as C
from mergecamp import predicates as P
from mergecamp.exercise_data import define
from mergecamp.exercises._common import CONFIG, project_repo
from mergecamp.judge import Judge
from mergecamp.meta import read_meta, update_meta
from mergecamp.scene import Scene
from mergecamp.scripting import YOU, commit_all, set_option

BRANCH = "exp/bidirectional"


def setup(scene: Scene) -> None:
    repo, clock = project_repo(scene)
    repo.git.checkout("-q", "-b", BRANCH)
    set_option(scene.root / CONFIG, "bidirectional", "true")
    commit_all(repo, "exp(model): read the sequence in both directions", YOU, clock)
    set_option(scene.root / CONFIG, "num_layers", "2")
    tip = commit_all(repo, "exp(model): stack two bidirectional layers", YOU, clock)
    repo.git.checkout("-q", "main")
    repo.git.branch("-D", BRANCH)
    (scene.root / ".git" / "mergecamp-tip").write_text(tip.hexsha, encoding="utf-8")


def _lost_tip(scene: Scene) -> str | None:
    meta = read_meta(scene.root) or {}
    if "lost_tip" not in meta:
        path = scene.root / ".git" / "mergecamp-tip"
        if not path.is_file():
            return None
        update_meta(scene.root, lost_tip=path.read_text(encoding="utf-8").strip())
        meta = read_meta(scene.root) or {}
    return meta.get("lost_tip")


def restored(j: Judge):
    lost, tip = _lost_tip(j.scene) or "", C.branch_tip(j.repo, BRANCH)
    fields = {"b": BRANCH, "tip7": lost[:7]}
    if tip is None:
        return j.fail("restored-missing", **fields)
    if tip.sha == lost:
        return j.ok("restored", b=BRANCH)
    found = {**fields, "sha": tip.sha[:7], "s": C.subject(tip)}
    main = j.start("refs/heads/main") or "main"
    if lost and C.is_ancestor(j.repo, tip.sha, lost) and not C.is_ancestor(j.repo, tip.sha, main):
        return j.fail("restored-short", **found)
    return j.fail("restored-elsewhere", **found)


EXERCISE = define(
    __file__,
    setup=setup,
    steps={"restored": restored, "main-kept": lambda j: P.untouched(j, "main")},
)
