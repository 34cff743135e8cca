"""Building blocks of a team exercise's setup: the project's first history, origin, clones.

Every team exercise starts the same way: the rendered project is committed by the team
(in a scratch ``seed`` repository inside the team folder), then published as the bare
``origin.git``; the learner and the teammates clone it. Exercises add their own history
on the seed before publishing, and their own moves after.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from mergecamp.render import rendered_project
from mergecamp.scripting import JUN, MINA, SORA, Clock, commit_all, init_repo
from mergecamp.team import origin as origin_mod
from mergecamp.team.teammates import Teammate

if TYPE_CHECKING:
    import git

    from mergecamp.gitread import Commit, GitReader
    from mergecamp.scene import Scene

MINA_T = Teammate(MINA, "mina")
JUN_T = Teammate(JUN, "jun")
SORA_T = Teammate(SORA, "sora")
TEAM_EMAILS = frozenset(p.email for p in (MINA, JUN, SORA))
CONFIG = "configs/default.yaml"


def team_dir(scene: Scene) -> Path:
    assert scene.team_dir is not None, "a team exercise sets Exercise.team_folder"
    return scene.team_dir


def seed(scene: Scene, clock: Clock, model: str = "lstm", task: str = "adding") -> git.Repo:
    """A scratch repository holding the project's first commit, by Mina."""
    project = rendered_project(scene.workspace, model, task)
    path = team_dir(scene) / "seed"
    shutil.copytree(project, path, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    repo = init_repo(path)
    commit_all(repo, "chore: start sequence-lab from the mergecamp template", MINA, clock)
    return repo


def publish(
    scene: Scene,
    seed_repo: git.Repo,
    *,
    learner_clone: bool = True,
    teammates: tuple[Teammate, ...] = (),
    protect_main: bool = True,
) -> Path:
    """Turn the seed into ``origin.git``, drop the seed, clone for learner and teammates.

    origin's ``main`` is protected (``team.protection``): changes reach it through merged
    PRs only. A story about a mistake already pushed to main (revert-pushed) opts out.
    """
    seed_path = Path(seed_repo.working_tree_dir or "")
    seed_repo.git.checkout("-q", "main")
    seed_repo.close()
    origin = origin_mod.create(team_dir(scene), seed_path)
    shutil.rmtree(seed_path)
    if learner_clone:
        origin_mod.clone(origin, scene.root)
        origin_mod.point_at(scene.root, origin)
    for mate in teammates:
        mate.ensure_clone(team_dir(scene))
        origin_mod.point_at(mate.path(team_dir(scene)), origin)
    if protect_main:
        from mergecamp.team.protection import protect

        protect(origin)
    return origin


def remember(origin: Path, **facts: str) -> None:
    """Keep facts the checks need (expected shas) in origin's mergecamp folder."""
    path = origin_mod.meta_dir(origin) / "expect.json"
    data = recall(origin)
    data.update(facts)
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")


def recall(origin: Path) -> dict[str, str]:
    try:
        return json.loads((origin / origin_mod.META_DIR / "expect.json").read_text("utf-8"))
    except (OSError, ValueError):
        return {}


def learner_commits(repo: GitReader, rev_range: str) -> list[Commit]:
    """Commits in ``rev_range`` that no scripted teammate wrote."""
    return [c for c in repo.log(rev_range) if c.author_email not in TEAM_EMAILS]
