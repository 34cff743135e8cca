"""stash-switch: park half-done work, fix main on a branch, come back and continue.

Texts, steps and wrong answers are in ``exercise.toml``.
"""

from __future__ import annotations

from mergecamp import checks as C
from mergecamp import configs
from mergecamp.exercise_data import define
from mergecamp.exercises._common import CONFIG, project_repo, switch_network
from mergecamp.judge import Judge
from mergecamp.scene import Scene
from mergecamp.scripting import JUN, YOU, commit_all, set_option
from mergecamp.state import read_state

EXP = "exp/attention"
WIP = {"hidden_size": "96", "num_layers": "3"}


def setup(scene: Scene) -> None:
    repo, clock = project_repo(scene)
    config = scene.root / CONFIG
    set_option(config, "max_epochs", "1")
    commit_all(repo, "chore(config): one epoch while debugging the data", JUN, clock)
    repo.git.checkout("-q", "-b", EXP)
    switch_network(config, "transformer")
    commit_all(repo, "exp(model): start the attention experiment", YOU, clock)
    # Half-done, not committed: the learner's work in progress.
    set_option(config, "hidden_size", "96")
    set_option(config, "num_layers", "3")


def fix_committed(j: Judge):
    main, exp = j.start("refs/heads/main") or "main", j.start(f"refs/heads/{EXP}") or EXP
    fixes = [
        name
        for name, sha in sorted(j.repo.branches().items())
        if name not in ("main", EXP)
        and C.option_at(j.repo, sha, CONFIG, "max_epochs") == "10"
        and C.is_ancestor(j.repo, main, sha)
    ]
    if not fixes:
        return j.fail("no-fix", f=CONFIG)
    for b in fixes:
        ref = f"refs/heads/{b}"
        if C.option_at(j.repo, ref, CONFIG, "hidden_size") != "64":
            return j.fail("wip-leaked", b=b)
        if C.is_ancestor(j.repo, exp, ref):
            return j.fail("fix-off-experiment", b=b, e=EXP, e7=exp[:7])
        if configs.network(C.file_at(j.repo, ref, CONFIG)) != "lstm":
            return j.fail("wip-leaked", b=b)
    return j.ok("fix-committed", b=fixes[0])


def wip_restored(j: Judge):
    branch = read_state(j.scene.root / ".git").branch
    text, stashed, where = C.worktree_text(j.repo, CONFIG), bool(_stashes(j)), branch or "HEAD"
    if C.has_markers(text):  # a `git stash pop` that conflicted
        code = "pop-conflict-elsewhere" if branch != EXP and stashed else "wip-markers"
        return j.fail(code, f=CONFIG, b=where, e=EXP)
    here = all(configs.read_option(text, k) == v for k, v in WIP.items())
    committed = C.option_at(j.repo, EXP, CONFIG, "hidden_size") == WIP["hidden_size"]
    if branch == EXP and (here or committed):
        return j.ok("wip-restored", e=EXP)
    if branch != EXP:
        loose = here and C.option_at(j.repo, "HEAD", CONFIG, "hidden_size") != WIP["hidden_size"]
        code = "wip-on-other-branch" if loose else "not-on-exp" if stashed else "off-exp"
        return j.fail(code, b=where, e=EXP)
    return j.fail("wip-parked" if stashed else "wip-gone", e=EXP)


def _stashes(j: Judge) -> str:
    return j.memo("stashes", lambda: j.repo.run("stash", "list").strip())


EXERCISE = define(
    __file__,
    setup=setup,
    steps={
        "fix-committed": fix_committed,
        "wip-restored": wip_restored,
        "stash-empty": lambda j: j.fail("stash-left") if _stashes(j) else j.ok("stash-empty"),
    },
)
