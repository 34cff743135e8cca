"""discard-experiment: two experiments ran off main; the large learning rate diverged and
is thrown away (``git branch -D``), the GRU worked and is merged into main.

Judged by meaning: the failed branch is gone, none of its commits is in main's history
(a merge then a revert still brings them), the good branch's commits are, and main's own
line still runs through where it was. Texts, steps and wrong answers are in
``exercise.toml``.
"""

from __future__ import annotations

from mergecamp import checks as C
from mergecamp.exercise_data import define
from mergecamp.exercises._common import change, longer_sequences, short
from mergecamp.judge import Judge
from mergecamp.scene import Scene
from mergecamp.scripting import SORA, YOU, checkout

FAILED = "exp/wide-lr"
GOOD = "exp/gru"


def setup(scene: Scene) -> None:
    repo, clock = longer_sequences(scene)
    checkout(repo, FAILED, create_from="main")
    change(repo, scene, clock, YOU, "feat(train): try a ten times larger learning rate", lr=0.03)
    change(repo, scene, clock, YOU, "feat(train): turn clipping off to go faster",
           gradient_clip_val=0.0)  # fmt: skip
    checkout(repo, GOOD, create_from="main")
    change(repo, scene, clock, YOU, "feat(model): try a GRU instead of the LSTM", arch="gru")
    checkout(repo, "main")
    change(repo, scene, clock, SORA, "perf(data): bigger batches", batch_size=128)


def start(j: Judge, branch: str) -> str:
    return j.start(f"refs/heads/{branch}") or branch


def failed_gone(j: Judge):
    if C.branch_tip(j.repo, FAILED) is None:
        return j.ok("failed-gone", b=FAILED)
    return j.fail("failed-still-there", b=FAILED)


def nothing_of_it(j: Judge):
    main, failed = start(j, "main"), start(j, FAILED)
    for commit in reversed(C.new_commits(j.repo, main, failed)):
        if C.is_ancestor(j.repo, commit.sha, "main"):
            return j.fail("failed-reached-main", b=FAILED, c=short(commit), m7=main[:7])
    return j.ok("nothing-of-it", b=FAILED)


def good_merged(j: Judge):
    main = start(j, "main")
    if C.branch_tip(j.repo, "main") is None:
        return j.fail("branch-gone", b="main", sha=main[:7])
    chain = C.first_parent_chain(j.repo, "main", main)
    if not C.is_ancestor(j.repo, main, "main") or (chain and chain[-1].parents[:1] != (main,)):
        return j.fail("main-rewritten", m=short(C.commit_of(j.repo, main)), m7=main[:7], b=GOOD)
    if C.is_ancestor(j.repo, start(j, GOOD), "main"):
        return j.ok("good-merged", b=GOOD)
    return j.fail("good-not-merged", b=GOOD, c7=start(j, GOOD)[:7])


EXERCISE = define(
    __file__,
    setup=setup,
    steps={"failed-gone": failed_gone, "nothing-of-it": nothing_of_it, "good-merged": good_merged},
)
