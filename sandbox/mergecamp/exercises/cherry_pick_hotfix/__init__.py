"""cherry-pick-hotfix: one fix from Sora's experiment branch is needed on main, alone.

The learner's hotfix branch is any local branch off main (the current one first), other
than main and the experiment. Texts, steps and wrong answers are in ``exercise.toml``.
"""

from __future__ import annotations

from pathlib import Path

from mergecamp import checks as C
from mergecamp import configs
from mergecamp.exercise_data import define
from mergecamp.exercises._common import switch_network
from mergecamp.gitcmd import git
from mergecamp.judge import Judge
from mergecamp.scene import Scene
from mergecamp.scripting import MINA, SORA, Clock, commit_all, set_option
from mergecamp.state import read_state
from mergecamp.team.checking import remember_scripted
from mergecamp.team.world import CONFIG, SORA_T, publish, recall, remember, seed

EXP = "exp/transformer"


def setup(scene: Scene) -> None:
    clock = Clock()
    repo = seed(scene, clock)
    root = Path(repo.working_tree_dir or "")
    set_option(root / CONFIG, "lr", "0.03")
    commit_all(repo, "chore(config): tune the learning rate", MINA, clock)
    repo.git.checkout("-q", "-b", EXP)
    # The fix first: the switch rewrites the network's block, right above `lr`, so a fix
    # made after it would not apply to main's LSTM without a conflict.
    set_option(root / CONFIG, "lr", "0.003")
    fix = commit_all(repo, "fix(config): the learning rate is 0.003, not 0.03", SORA, clock)
    switch_network(root / CONFIG, "transformer")
    commit_all(repo, "exp(model): switch to the transformer encoder", SORA, clock)
    set_option(root / CONFIG, "hidden_size", "128")
    commit_all(repo, "exp(model): a wider transformer", SORA, clock)
    origin = publish(scene, repo, teammates=(SORA_T,))
    remember(
        origin,
        fix=fix.hexsha,
        main=git(origin, "rev-parse", "refs/heads/main"),
        exp=git(origin, "rev-parse", f"refs/heads/{EXP}"),
    )
    remember_scripted(origin)


def _facts(j: Judge) -> dict[str, str]:
    """origin's facts from setup, and the shas a fix command names."""
    facts = j.memo("facts", lambda: recall(j.scene.origin or Path()))
    return {**facts, "main7": facts["main"][:7], "fix7": facts["fix"][:7]}


def _hotfix(j: Judge) -> str | None:
    """The learner's hotfix branch: a local branch off main, not main nor the experiment."""
    main, current = _facts(j)["main"], read_state(j.scene.root / ".git").branch
    names = [n for n in C.branch_names(j.repo) if n not in (EXP, "main")]
    for name in sorted(names, key=lambda n: n != current):
        tip = C.branch_tip(j.repo, name)
        if tip and tip.sha != main and C.is_ancestor(j.repo, main, tip.sha):
            return name
    return None


def _option(j: Judge, branch: str, key: str) -> str:
    return C.option_at(j.repo, f"refs/heads/{branch}", CONFIG, key) or "-"


def fix_picked(j: Judge):
    facts, branch = _facts(j), j.memo("hotfix", lambda: _hotfix(j))
    if read_state(j.scene.root / ".git").operation == "cherry-pick":
        return j.fail("pick-in-progress")
    if branch is None or _option(j, branch, "lr") != "0.003":
        return j.fail("no-fix", **facts)
    return j.ok("fix-picked", branch=branch)


def nothing_else(j: Judge):
    facts, branch = _facts(j), j.memo("hotfix", lambda: _hotfix(j))
    text = C.file_at(j.repo, f"refs/heads/{branch}", CONFIG)
    arch, hidden = configs.network(text) or "-", _option(j, branch, "hidden_size")
    if arch == "lstm" and hidden == "64":
        return j.ok("nothing-else")
    return j.fail("experiment-came-along", branch=branch, arch=arch, hidden=hidden, **facts)


def pushed(j: Judge):
    branch = j.memo("hotfix", lambda: _hotfix(j))
    mine = C.branch_tip(j.repo, branch).sha  # type: ignore[union-attr]
    theirs = j.origin.ref(f"refs/heads/{branch}")
    if theirs is None:
        return j.fail("not-pushed", branch=branch)
    if theirs != mine:
        return j.fail("push-differs", branch=branch, theirs=theirs[:7], mine=mine[:7])
    return j.ok("pushed", branch=branch)


def exp_untouched(j: Judge):
    now = j.origin.ref(f"refs/heads/{EXP}")
    return j.ok("exp-untouched") if now == _facts(j)["exp"] else j.fail("exp-moved", exp=EXP)


EXERCISE = define(
    __file__,
    setup=setup,
    steps={
        "fix-picked": fix_picked,
        "nothing-else": nothing_else,
        "pushed": pushed,
        "exp-untouched": exp_untouched,
    },
)
