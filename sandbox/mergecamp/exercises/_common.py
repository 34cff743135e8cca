"""What the exercises' setups share: the project repo every story starts from, the
first steps most first-track stories have in common, config edits; and the fast suite's
cached verdict on a tree (``predicates.model_works`` uses it).

Every exercise begins with the rendered template committed on ``main`` by Mina (the
team lead), with a fixed clock, then scripts its own history on top.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mergecamp.render import PACKAGE, rendered_project
from mergecamp.scripting import (
    JUN,
    MINA,
    YOU,
    Clock,
    Person,
    checkout,
    commit_all,
    init_repo,
    set_option,
)

if TYPE_CHECKING:
    import git

    from mergecamp.gitread import Commit
    from mergecamp.project_tests import SuiteResult
    from mergecamp.scene import Scene

CONFIG = "configs/default.yaml"
MAIN = "main"
GRU_BRANCH = "exp/gru"


def project_repo(scene: Scene, model: str = "lstm", task: str = "adding") -> tuple[git.Repo, Clock]:
    """Copy the rendered project into ``scene.root``, commit it on main as Mina."""
    source = rendered_project(scene.workspace, model, task)
    import shutil  # here, not at the top: `check` imports every exercise module

    shutil.copytree(source, scene.root, dirs_exist_ok=True, symlinks=True)
    repo = init_repo(scene.root)
    clock = Clock()
    commit_all(repo, "feat: start sequence-lab from the team template", MINA, clock)
    return repo, clock


def edit_config(scene: Scene, **options: object) -> None:
    """Set ``key: value`` lines in configs/default.yaml."""
    for key, value in options.items():
        set_option(scene.root / CONFIG, key, str(value))


def switch_network(config: Path, name: str) -> None:
    """Make ``config`` build another network: its ``model.init_args.net`` replaced by the
    one in configs/model/<name>.yaml (class_path and options; ``arch`` alone only picks
    among rnn | lstm | gru)."""
    from mergecamp.configs import copy_section

    copy_section(config, ("model", "init_args", "net"), config.parent / "model" / f"{name}.yaml")


def change(
    repo: git.Repo, scene: Scene, clock: Clock, who: Person, message: str, **options: object
) -> git.Commit:
    """One scripted commit that sets config options."""
    edit_config(scene, **options)
    return commit_all(repo, message, who, clock)


def longer_sequences(scene: Scene) -> tuple[git.Repo, Clock]:
    """The project plus Jun's first change on main, where most first-track stories begin."""
    repo, clock = project_repo(scene)
    change(
        repo, scene, clock, JUN, "feat(data): longer sequences for the adding problem", seq_len=100
    )
    return repo, clock


def gru_experiment(scene: Scene) -> tuple[git.Repo, Clock]:
    """…and `exp/gru` off main with the learner's first commit there: a GRU instead of the
    LSTM. HEAD stays on `exp/gru`."""
    repo, clock = longer_sequences(scene)
    checkout(repo, GRU_BRANCH, create_from="main")
    change(repo, scene, clock, YOU, "feat(model): try a GRU instead of the LSTM", arch="gru")
    return repo, clock


def package_dir(scene: Scene) -> Path:
    return scene.root / "src" / PACKAGE


def short(commit: Commit | str | None) -> str:
    """``abc1234 subject`` for a commit, for messages."""
    if commit is None:
        return "-"
    if isinstance(commit, str):
        return commit[:7]
    return f"{commit.sha[:7]} {commit.subject}"


def suite_at(scene: Scene, rev: str, tree: str) -> SuiteResult:
    """The fast suite's verdict on ``rev``'s tree: from the cache, else run and cached."""
    import io
    import tarfile
    import tempfile

    from mergecamp import project_tests

    scratch_root = scene.workspace / ".mergecamp"
    cache_dir = scratch_root / "suite"
    key = project_tests.cache_key(tree, CONFIG)
    result = project_tests.cached(cache_dir, key)
    if result is not None:
        return result
    scratch_root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="check-", dir=scratch_root) as tmp:
        buffer = io.BytesIO()
        scene.repo.archive(buffer, rev)
        buffer.seek(0)
        with tarfile.open(fileobj=buffer) as tar:
            # The "data" filter exists from Python 3.11.4 on; the archive is git's own.
            safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
            tar.extractall(tmp, **safe)
        result = project_tests.run_shown(Path(tmp), CONFIG)
    project_tests.store(cache_dir, key, result)
    return result
