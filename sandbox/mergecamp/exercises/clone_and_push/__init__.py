"""clone-and-push: clone the team's repository, change the model on a branch, push it.
The folder starts empty: the learner's repository is the clone they make in it.

A live teammate (``TEAM_EVENTS``): once the learner's branch is on origin, Mina merges
a PR of her own into main, so the learner's next fetch shows main moving on without
them. The clone has no mergecamp hooks (the learner made it), so the check fires it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mergecamp import configs
from mergecamp import predicates as P
from mergecamp.exercise_data import define
from mergecamp.gitcmd import git
from mergecamp.judge import Judge
from mergecamp.scene import Scene
from mergecamp.scripting import JUN, Clock, commit_all, set_option
from mergecamp.team import conventions
from mergecamp.team import origin as origin_mod
from mergecamp.team.teammates import TeamEvent, learner_branch_pushed, tick
from mergecamp.team.world import CONFIG, MINA_T, learner_commits, publish, recall, remember, seed

if TYPE_CHECKING:
    from mergecamp.gitread import GitReader

# Mina's PR merges on a clock of its own: the same hashes whenever it happens.
_MINA_MERGES_AT = 1709860000


def _mina_merges_her_pr(team_dir: Path) -> None:
    MINA_T.land(
        team_dir,
        "docs/run-an-experiment",
        lambda path: (path / "README.md").write_text(
            (path / "README.md").read_text(encoding="utf-8")
            + "\nTry a model: `python -m sequence_lab fit --config configs/data/adding.yaml"
            " --config configs/model/gru.yaml`.\n",
            encoding="utf-8",
        ),
        "docs(readme): how to try another model",
        Clock(start=_MINA_MERGES_AT),
    )


TEAM_EVENTS = (TeamEvent("mina-merges-her-pr", learner_branch_pushed, _mina_merges_her_pr),)


def setup(scene: Scene) -> None:
    clock = Clock()
    repo = seed(scene, clock)
    set_option(Path(repo.working_tree_dir or "") / CONFIG, "lr", "0.002")
    commit_all(repo, "exp(config): lower the learning rate to 0.002", JUN, clock)
    origin = publish(scene, repo, learner_clone=False, teammates=(MINA_T,))
    remember(origin, main=git(origin, "rev-parse", "refs/heads/main"))


def _find_clone(scene: Scene) -> Path | None:
    """A repository in the exercise folder whose origin is the team's."""
    children = sorted(scene.root.iterdir()) if scene.root.is_dir() else []
    origin = scene.origin.resolve()
    mine = (c for c in children if (c / ".git").exists() and origin_mod.remote_path(c) == origin)
    return next(mine, None)


def _find_branch(reader: GitReader, base: str) -> str | None:
    """The learner's branch: the current one if it has their commits, else the first."""
    current = reader.head_branch()
    names = sorted(reader.branches())
    mine = [n for n in names if n != "main" and learner_commits(reader, f"{base}..refs/heads/{n}")]
    return min(mine, key=lambda n: n != current, default=None)


def _work(j: Judge) -> tuple[Path, str, str]:
    """(clone, main at setup, the learner's branch), which the steps after theirs rely on."""
    clone = j.memo("clone", lambda: _find_clone(j.scene))
    base = recall(j.scene.origin).get("main", "main")
    return clone, base, j.memo("branch", lambda: _find_branch(j.reader(clone), base))


def cloned(j: Judge):
    tick(j.scene.team_dir, TEAM_EVENTS)  # the learner's own clone runs no mergecamp hook
    if (clone := j.memo("clone", lambda: _find_clone(j.scene))) is None:
        return j.fail("no-clone", root=j.scene.root, url="../clone-and-push-team/origin.git")
    return j.ok("cloned", path=clone.name)


def branch(j: Judge):
    clone, base, name = _work(j)
    if name is None:
        return j.fail("no-work-branch")
    if conventions.branch_problem(name) is not None:
        return j.fail("branch-name", branch=name, new=conventions.suggest_branch(name))
    clone_repo = j.reader(clone)
    subjects = [c.subject for c in learner_commits(clone_repo, f"{base}..refs/heads/{name}")]
    bad = [s for s in subjects if conventions.message_problem(s) is not None]
    if bad:
        return j.fail("commit-message", subject=bad[0])
    arch = configs.read_option(clone_repo.read_text(f"refs/heads/{name}", CONFIG), "arch")
    if arch != "gru":
        return j.fail("arch-not-gru", branch=name, arch=arch or "?")
    return j.ok("branch-ok", branch=name)


def pushed(j: Judge):
    clone, _, name = _work(j)
    return P.synced(j, name, clone.name)


def upstream(j: Judge):
    clone, _, name = _work(j)
    clone_repo = j.reader(clone)
    tracks = [clone_repo.config(f"branch.{name}.{k}") for k in ("remote", "merge")]
    if tracks == ["origin", f"refs/heads/{name}"]:
        return j.ok("upstream", branch=name)
    return j.fail("no-upstream", branch=name)


EXERCISE = define(
    __file__,
    setup=setup,
    steps={"cloned": cloned, "branch": branch, "pushed": pushed, "upstream": upstream},
    team_events=TEAM_EVENTS,
)
