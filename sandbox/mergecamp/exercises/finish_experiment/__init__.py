"""finish-experiment: merge ``exp/gru`` into main with a merge commit.

main has not moved since the branch started, so a plain ``git merge`` would
fast-forward and the experiment's commits would look as if made on main. The check
walks main's first-parent history: it must contain a merge commit whose other parent
brings the experiment, and the merge must keep the experiment's changes (not ``-s ours``).
Texts, steps and wrong answers are in ``exercise.toml``.
"""

from __future__ import annotations

from mergecamp import checks as C
from mergecamp import predicates as P
from mergecamp.exercise_data import define
from mergecamp.exercises._common import GRU_BRANCH, change, gru_experiment, short
from mergecamp.judge import Judge
from mergecamp.scene import Scene
from mergecamp.scripting import YOU

BRANCH = GRU_BRANCH
EXPERIMENT = {"arch": "gru", "hidden_size": "96"}


def setup(scene: Scene) -> None:
    repo, clock = gru_experiment(scene)
    change(
        repo, scene, clock, YOU, "feat(model): 96 GRU units match the LSTM's score", hidden_size=96
    )


def merged(j: Judge):
    missing = P.branch_missing(j, "main")
    if missing is not None:
        return missing
    exp_start = j.start(f"refs/heads/{BRANCH}") or BRANCH
    if C.is_ancestor(j.repo, exp_start, "main"):
        return j.ok("merged")
    if (j.scene.root / ".git" / "MERGE_HEAD").exists():
        return j.fail("merge-in-progress", b=BRANCH)
    main_start, tip = j.start("refs/heads/main"), C.branch_tip(j.repo, "main")
    copied = main_start is not None and tip is not None and tip.sha != main_start
    c = short(C.commit_of(j.repo, exp_start))
    if copied:
        return j.fail("copied-not-merged", c=c, now=short(tip), m=main_start[:7], b=BRANCH)
    return j.fail("not-merged", c=c, b=BRANCH)


def merge_commit(j: Judge):
    main_start = j.start("refs/heads/main") or "main"
    exp_start = j.start(f"refs/heads/{BRANCH}") or BRANCH
    for commit in C.first_parent_chain(j.repo, "main", main_start):
        if commit.is_merge and any(C.is_ancestor(j.repo, exp_start, p) for p in commit.parents[1:]):
            return j.ok("merge-commit", c=short(commit))
    return j.fail("fast-forward", m=main_start[:7], b=BRANCH)


EXERCISE = define(
    __file__,
    setup=setup,
    steps={
        "merged": merged,
        "merge-commit": merge_commit,
        "content": lambda j: P.both_sides(
            j, "main", j.start("refs/heads/main") or "main", EXPERIMENT, {}
        ),
    },
)
