"""revert-pushed: a bad commit is on origin's main; undo it with `git revert`, no rewrite.

A force-push that was later pushed over again leaves origin looking whole; the learner's
reflog of ``origin/main`` still shows the rewrite. A revert made in Jun's clone carries
Jun's name (``impostors``). Texts, steps and wrong answers are in ``exercise.toml``.
"""

from __future__ import annotations

from pathlib import Path

from mergecamp import checks as C
from mergecamp import configs
from mergecamp import predicates as P
from mergecamp.exercise_data import define
from mergecamp.gitread import GitError, GitReader
from mergecamp.judge import Judge
from mergecamp.scene import Scene
from mergecamp.scripting import JUN, MINA, Clock, append_text, commit_all, set_option
from mergecamp.team.checking import impostors, remember_scripted, scripted_shas
from mergecamp.team.world import CONFIG, JUN_T, publish, recall, remember, seed


def setup(scene: Scene) -> None:
    clock = Clock()
    repo = seed(scene, clock)
    root = Path(repo.working_tree_dir or "")
    set_option(root / CONFIG, "activation", "relu")
    bad = commit_all(repo, "feat(model): use relu in the head", JUN, clock)
    append_text(
        root / "NOTES.md", "- Baseline MSE on the adding problem: 0.167 is the number to beat.\n"
    )
    after = commit_all(repo, "docs: write down the baseline to beat", MINA, clock)
    # The lesson is a revert pushed to main itself, so this origin leaves main unprotected.
    origin = publish(scene, repo, teammates=(JUN_T,), protect_main=False)
    remember(origin, bad=bad.hexsha, after=after.hexsha)
    remember_scripted(origin)


def _seen(j: Judge) -> tuple[Path, dict[str, str], str]:
    """origin (usable: the runner fails the first step otherwise), its facts, its main."""
    origin = j.scene.origin or Path()
    return j.memo("seen", lambda: (origin, recall(origin), j.origin.ref("refs/heads/main") or ""))


def history_kept(j: Judge):
    _, facts, main = _seen(j)
    if not j.origin.is_ancestor(facts["after"], main):
        return j.fail("history-rewritten", bad=facts["bad"][:7], after=facts["after"][:7])
    log = j.scene.root / ".git" / "logs" / "refs" / "remotes" / "origin" / "main"
    moves = log.read_text("utf-8", "replace").splitlines() if log.is_file() else []
    for old, new, *_ in (line.split() for line in moves if line.strip()):  # old new who…
        if old.strip("0") and not C.is_ancestor(j.repo, old, new):
            return j.fail("history-force-pushed", old=old[:7], new=new[:7])
    return j.ok("history-kept")


def reverted(j: Judge):
    origin, facts, main = _seen(j)
    bad, grep = facts["bad"][:7], f"--grep=This reverts commit {facts['bad']}"
    fake = impostors(j.origin, f"{facts['after']}..{main}", scripted_shas(origin))
    if fake:
        c = fake[0]
        who = {"short": c.sha[:7], "subject": c.subject, "name": c.author_name}
        return j.fail("teammate-clone", **who, mine=j.scene.root)
    if "NOTES.md" in j.origin.changed_paths(facts["after"], main):
        return j.fail("reverted-too-much", bad=bad, after=facts["after"][:7])
    activation = configs.read_option(j.origin.read_text(main, CONFIG), "activation")
    if _has_revert(j.origin, grep, main) and activation == "tanh":
        return j.ok("reverted", bad=bad)
    if _has_revert(j.repo, grep, "refs/heads/main"):
        return j.fail("revert-not-pushed", bad=bad)
    if activation == "tanh":
        return j.fail("undone-by-hand", bad=bad)
    return j.fail("not-reverted", activation=activation or "-", bad=bad)


def _has_revert(reader: GitReader, grep: str, rev: str) -> bool:
    try:
        return bool(reader.run("log", "--format=%H", grep, rev))
    except GitError:
        return False


def in_sync(j: Judge):
    _, _, main = _seen(j)
    missing = P.branch_missing(j, "main")
    if missing is not None:
        return missing
    local = C.branch_tip(j.repo, "main").sha  # type: ignore[union-attr]
    fields = {"local": local[:7], "main": main[:7]}
    if local == main:
        return j.ok("in-sync")
    if C.is_ancestor(j.repo, main, local):
        return j.fail("main-ahead", **fields)
    if j.origin.is_ancestor(local, main):
        return j.fail("main-behind", **fields)
    return j.fail("main-diverged", **fields)


EXERCISE = define(
    __file__,
    setup=setup,
    steps={"history-kept": history_kept, "reverted": reverted, "in-sync": in_sync},
)
