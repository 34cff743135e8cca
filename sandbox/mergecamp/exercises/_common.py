"""What the first track's exercises share: the project repo every story starts from,
config edits, and the model check.

Every exercise begins with the rendered template committed on ``main`` by Mina (the
team lead), with a fixed clock, then scripts its own history on top.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from mergecamp.exercise import StepResult
from mergecamp.i18n import Text
from mergecamp.render import PACKAGE, rendered_project
from mergecamp.scripting import MINA, Clock, Person, commit_all, init_repo, set_option

if TYPE_CHECKING:
    import git

    from mergecamp.scene import Scene

CONFIG = "configs/default.yaml"
MAIN = "main"


def project_repo(scene: Scene, model: str = "lstm", task: str = "adding") -> tuple[git.Repo, Clock]:
    """Copy the rendered project into ``scene.root``, commit it on main as Mina."""
    source = rendered_project(scene.workspace, model, task)
    shutil.copytree(source, scene.root, dirs_exist_ok=True, symlinks=True)
    repo = init_repo(scene.root)
    clock = Clock()
    commit_all(repo, "feat: start sequence-lab from the team template", MINA, clock)
    return repo, clock


def edit_config(scene: Scene, **options: object) -> None:
    """Set ``key: value`` lines in configs/default.yaml."""
    for key, value in options.items():
        set_option(scene.root / CONFIG, key, str(value))


def change(
    repo: git.Repo, scene: Scene, clock: Clock, who: Person, message: str, **options: object
) -> git.Commit:
    """One scripted commit that sets config options."""
    edit_config(scene, **options)
    return commit_all(repo, message, who, clock)


def package_dir(scene: Scene) -> Path:
    return scene.root / "src" / PACKAGE


def tests_skipped_quick(step: str) -> StepResult:
    """In the hooks' quick check the model is not built: say how to run it."""
    return StepResult(
        step,
        False,
        Text(
            en="not run after every git command: `mergecamp check` builds the model and "
            "runs its tests",
            ko="git 명령마다 돌리지는 않아요: `mergecamp check`를 실행하면 모델을 만들고 "
            "테스트를 돌려요",
        ),
    )
