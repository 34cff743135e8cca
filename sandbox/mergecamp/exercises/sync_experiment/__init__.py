"""sync-experiment: main moved on while ``exp/gru`` was running; merge main into the
experiment, keeping both sides' changes.

Judged by meaning: main's tip is in the branch, the branch's own commits are still
there (a rebase would rewrite them), both changes are in the config, and no merge kept
only one side (``git merge -s ours``). Texts, steps and wrong answers are in
``exercise.toml``.
"""

from __future__ import annotations

from mergecamp import checks as C
from mergecamp import predicates as P
from mergecamp.exercise_data import define
from mergecamp.exercises._common import CONFIG, GRU_BRANCH, change, gru_experiment, short
from mergecamp.judge import Judge
from mergecamp.scene import Scene
from mergecamp.scripting import SORA, YOU, checkout

BRANCH = GRU_BRANCH
OURS = {"arch": "gru", "num_layers": "2"}
THEIRS = {"max_epochs": "30"}
THIRTY_EPOCHS = "feat(train): train for 30 epochs on the longer data"


def setup(scene: Scene) -> None:
    repo, clock = gru_experiment(scene)
    change(repo, scene, clock, YOU, "feat(model): stack two GRU layers", num_layers=2)
    checkout(repo, "main")
    change(repo, scene, clock, SORA, THIRTY_EPOCHS, max_epochs=30)
    checkout(repo, BRANCH)


def exp_start(j: Judge) -> str:
    return j.start(f"refs/heads/{BRANCH}") or BRANCH


def has_main(j: Judge):
    missing = P.branch_missing(j, BRANCH)
    if missing is not None:
        return missing
    main = j.start("refs/heads/main") or "main"
    if C.is_ancestor(j.repo, main, BRANCH):
        return j.ok("has-main", b=BRANCH)
    fields = {"b": BRANCH, "m": short(C.commit_of(j.repo, main))}
    if all(C.option_at(j.repo, BRANCH, CONFIG, k) == v for k, v in THEIRS.items()):
        return j.fail("main-copied", **fields, c7=exp_start(j)[:7])  # a squash, a cherry-pick
    return j.fail("no-main", **fields)


def history_kept(j: Judge):
    exp = exp_start(j)
    if not C.is_ancestor(j.repo, exp, BRANCH):
        return j.fail("rewritten", b=BRANCH, c=short(C.commit_of(j.repo, exp)), c7=exp[:7])
    merges = C.merges_in(j.repo, exp, BRANCH)
    if not merges:
        return j.fail("no-merge-commit", b=BRANCH)
    # The merge that brought main in (the oldest, newest-first list): its tree is what
    # merging the other way would give too (tests/sandbox/test_lecture_lessons.py).
    merge = merges[-1]
    return j.ok("history-kept", b=BRANCH, c=short(merge), t=merge.tree[:7])


EXERCISE = define(
    __file__,
    setup=setup,
    steps={
        "has-main": has_main,
        "history-kept": history_kept,
        "both": lambda j: P.both_sides(j, BRANCH, exp_start(j), OURS, THEIRS),
        "main-untouched": lambda j: P.untouched(j, "main"),
    },
)
