"""squash-before-pr: four "wip" commits become one meaningful commit before the PR.
Texts, steps and wrong answers are in ``exercise.toml``."""

from __future__ import annotations

from mergecamp import predicates as P
from mergecamp.exercise_data import define
from mergecamp.gitcmd import git
from mergecamp.judge import Judge
from mergecamp.scene import Scene
from mergecamp.scripting import YOU, Clock, commit_all, set_option
from mergecamp.state import read_state
from mergecamp.team import conventions
from mergecamp.team.checking import remember_scripted
from mergecamp.team.world import CONFIG, publish, recall, remember, seed

BRANCH = "exp/swish"
_WIP = (
    ("wip", {"activation": "swish"}),
    ("wip 2", {"dropout": "0.1"}),
    ("fix typo", {"dropout": "0.05"}),
    ("more", {"hidden_size": "80"}),
)


def setup(scene: Scene) -> None:
    import git as gitpython

    clock = Clock()
    origin = publish(scene, seed(scene, clock))
    learner = gitpython.Repo(scene.root)
    learner.git.checkout("-q", "-b", BRANCH)
    for message, options in _WIP:
        for key, value in options.items():
            set_option(scene.root / CONFIG, key, value)
        commit_all(learner, message, YOU, clock)
    remember(
        origin,
        main=git(origin, "rev-parse", "refs/heads/main"),
        tree=learner.head.commit.tree.hexsha,
    )
    learner.close()
    remember_scripted(origin)


def squashed(j: Judge):
    root, facts = j.scene.root, recall(j.scene.origin)
    if read_state(root / ".git").operation == "rebase":
        return j.fail("rebase-in-progress")
    tip = j.repo.ref(f"refs/heads/{BRANCH}")
    if tip is None:
        return j.fail("branch-gone", b=BRANCH, sha=(j.start(f"refs/heads/{BRANCH}") or "?")[:7])
    if j.repo.commit(tip).tree != facts["tree"]:
        return j.fail("squash-changed", b=BRANCH, sha=(j.start(f"refs/heads/{BRANCH}") or "?")[:7])
    own = j.repo.log(f"{facts['main']}..{tip}")
    if len(own) != 1:
        return j.fail("not-one-commit", b=BRANCH, n=len(own))
    return j.ok("squashed", b=BRANCH)


def message(j: Judge):
    tip = j.repo.commit(f"refs/heads/{BRANCH}")
    text, subject = tip.message, tip.subject
    if conventions.message_problem(text) is not None:
        return j.fail("message-not-conventional", s=subject, b=BRANCH)
    return j.ok("message-ok", s=subject)


EXERCISE = define(
    __file__,
    setup=setup,
    steps={"squashed": squashed, "message": message, "pushed": lambda j: P.synced(j, BRANCH)},
)
