"""diverged-history: Jun pushed first; integrate with `git pull --rebase`, then push.
Texts, steps and wrong answers are in ``exercise.toml``."""

from __future__ import annotations

from pathlib import Path

from mergecamp import configs
from mergecamp import predicates as P
from mergecamp.exercise_data import define
from mergecamp.judge import Judge
from mergecamp.scene import Scene
from mergecamp.scripting import JUN, YOU, Clock, commit_all, set_option
from mergecamp.state import read_state
from mergecamp.team.checking import impostors, remember_scripted, scripted_shas
from mergecamp.team.world import CONFIG, JUN_T, publish, recall, remember, seed

BRANCH = "exp/tuning"


def setup(scene: Scene) -> None:
    import git as gitpython

    clock = Clock()
    repo = seed(scene, clock)
    repo.git.checkout("-q", "-b", BRANCH)
    set_option(Path(repo.working_tree_dir or "") / CONFIG, "hidden_size", "128")
    commit_all(repo, "exp(config): widen the LSTM to 128 units", JUN, clock)
    origin = publish(scene, repo)
    learner = gitpython.Repo(scene.root)
    learner.git.checkout("-q", "-b", BRANCH, "--track", f"origin/{BRANCH}")
    # Yesterday's work, committed but never pushed.
    set_option(scene.root / CONFIG, "dropout", "0.1")
    yours = commit_all(learner, "exp(config): add dropout 0.1 against overfitting", YOU, clock)
    learner.close()
    # This morning Jun pushed first.
    jun = JUN_T.commit_and_push(
        scene.team_dir,  # type: ignore[arg-type]
        BRANCH,
        lambda path: set_option(path / CONFIG, "max_epochs", "20"),
        "exp(config): train for 20 epochs",
        clock,
    )
    remember(origin, jun=jun, yours=yours.hexsha)
    remember_scripted(origin)


def _since_jun(j: Judge) -> tuple[str, str | None]:
    """(Jun's commit, origin's tip of the branch), read once per check."""
    origin = j.scene.origin
    return j.memo("jun", lambda: (recall(origin)["jun"], j.origin.ref(f"refs/heads/{BRANCH}")))


def team_kept(j: Judge):
    jun, tip = _since_jun(j)
    if tip is None or not j.origin.is_ancestor(jun, tip):
        return j.fail("jun-lost", jun=jun[:7], branch=BRANCH)
    fake = impostors(j.origin, f"{jun}..{tip}", scripted_shas(j.scene.origin))
    if fake:
        c = fake[0]
        return j.fail(
            "impostor", sha=c.sha[:7], subject=c.subject, name=c.author_name, mine=j.scene.root
        )
    return j.ok("jun-kept", branch=BRANCH)


def your_change(j: Judge):
    text = j.origin.read_text(_since_jun(j)[1] or "", CONFIG)
    dropout, epochs = (configs.read_option(text, k) or "-" for k in ("dropout", "max_epochs"))
    if (dropout, epochs) != ("0.1", "20"):
        return j.fail("changes-missing", branch=BRANCH, dropout=dropout, epochs=epochs)
    return j.ok("both-changes", branch=BRANCH)


def linear(j: Judge):
    jun, tip = _since_jun(j)
    merges = [c for c in j.origin.log(f"{jun}..{tip}") if c.is_merge]
    if merges:
        return j.fail(
            "merge-pushed", branch=BRANCH, sha=merges[0].sha[:7], subject=merges[0].subject
        )
    return j.ok("linear")


def in_sync(j: Judge):
    operation = read_state(j.scene.root / ".git").operation
    if operation is not None:
        return j.fail("operation-in-progress", op=operation)
    return P.synced(j, BRANCH)


EXERCISE = define(
    __file__,
    setup=setup,
    steps={
        "team-kept": team_kept,
        "your-change": your_change,
        "linear": linear,
        "in-sync": in_sync,
    },
)
