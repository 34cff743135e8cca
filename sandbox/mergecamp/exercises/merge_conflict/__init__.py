"""merge-conflict: both branches changed the activation line; resolve it as the story
asks (the experiment's swish, main's dropout), no markers left, the model builds and the
team's fast tests pass, and the merge commit has both parents.

Sora's commit changes ``dropout`` and ``activation`` together, two lines apart from
nothing, so git puts both in one conflict hunk: taking either side whole is wrong.
Texts, steps and wrong answers are in ``exercise.toml``.
"""

from __future__ import annotations

from mergecamp import checks as C
from mergecamp import predicates as P
from mergecamp.exercise_data import define
from mergecamp.exercises._common import CONFIG, change, project_repo, short
from mergecamp.judge import Judge
from mergecamp.scene import Scene
from mergecamp.scripting import SORA, YOU, checkout

BRANCH = "exp/swish"
TRY_SWISH = "feat(model): try swish in the recurrent readout"
RELU_AND_DROPOUT = "fix(model): relu and some dropout against overfitting"


def setup(scene: Scene) -> None:
    repo, clock = project_repo(scene)
    checkout(repo, BRANCH, create_from="main")
    change(repo, scene, clock, YOU, TRY_SWISH, activation="swish")
    checkout(repo, "main")
    change(repo, scene, clock, SORA, RELU_AND_DROPOUT, dropout=0.1, activation="relu")
    checkout(repo, BRANCH)


def merged(j: Judge):
    missing = P.branch_missing(j, BRANCH)
    if missing is not None:
        return missing
    if (j.scene.root / ".git" / "MERGE_HEAD").exists():
        return j.fail("merge-in-progress", f=CONFIG)
    main_start, exp_start = (
        j.start("refs/heads/main") or "main",
        j.start(f"refs/heads/{BRANCH}") or BRANCH,
    )
    for merge in C.merges_in(j.repo, exp_start, BRANCH):
        parents = merge.parents
        if any(C.is_ancestor(j.repo, exp_start, p) for p in parents) and any(
            C.is_ancestor(j.repo, main_start, p) for p in parents
        ):
            return j.ok("merged", c=short(merge), b=BRANCH)
    if not C.is_ancestor(j.repo, exp_start, BRANCH):
        return j.fail("own-commit-lost", b=BRANCH, c=short(C.commit_of(j.repo, exp_start)))
    return j.fail("no-merge", b=BRANCH)


def no_markers(j: Judge):
    exp_start = j.start(f"refs/heads/{BRANCH}") or BRANCH
    changed = C.paths_changed_between(j.repo, exp_start, BRANCH) | {CONFIG}
    left = C.files_with_markers(j.repo, BRANCH, sorted(changed))
    if left:
        return j.fail("markers-committed", files=", ".join(f"`{p}`" for p in left), f=left[0])
    if C.has_markers(C.worktree_text(j.repo, CONFIG)):
        return j.fail("markers-in-worktree", f=CONFIG)
    return j.ok("no-markers")


def resolution(j: Judge):
    exp_start = j.start(f"refs/heads/{BRANCH}") or BRANCH
    return P.both_sides(j, BRANCH, exp_start, {"activation": "swish"}, {"dropout": "0.1"})


EXERCISE = define(
    __file__,
    setup=setup,
    steps={
        "merged": merged,
        "no-markers": no_markers,
        "resolution": resolution,
        "model": lambda j: P.model_works(j, BRANCH),
    },
)
