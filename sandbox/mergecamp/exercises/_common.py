"""What the first track's exercises share: the project repo every story starts from,
config edits, and the model check.

Every exercise begins with the rendered template committed on ``main`` by Mina (the
team lead), with a fixed clock, then scripts its own history on top.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from mergecamp.exercise import StepResult
from mergecamp.i18n import Text
from mergecamp.render import PACKAGE, rendered_project
from mergecamp.scripting import MINA, Clock, Person, commit_all, init_repo, set_option

if TYPE_CHECKING:
    import git

    from mergecamp.project_tests import SuiteResult
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


def short(commit: git.Commit | str | None) -> str:
    """``abc1234 subject`` for a commit, for messages."""
    if commit is None:
        return "-"
    if isinstance(commit, str):
        return commit[:7]
    subject = commit.message.strip().splitlines()[0] if commit.message.strip() else ""
    return f"{commit.hexsha[:7]} {subject}"


def untouched(scene: Scene, step: str, branch: str) -> StepResult:
    """``branch`` is still where setup left it."""
    from mergecamp import checks as C
    from mergecamp.engine import start_ref

    start = start_ref(scene, f"refs/heads/{branch}")
    tip = C.branch_tip(scene.repo, branch)
    if tip is None:
        return C.fail(
            step,
            Text(
                en="branch `{b}` is gone; `git branch {b} {sha}` brings it back",
                ko="`{b}` 브랜치가 없어요. `git branch {b} {sha}`로 되살릴 수 있어요",
            ),
            b=branch,
            sha=(start or "?")[:7],
        )
    if tip.hexsha != start:
        return C.fail(
            step,
            Text(
                en="`{b}` moved: it is at `{now}`, it was at `{was}`. Put it back with "
                "`git switch {b}` and `git reset --hard {was7}` (then redo your work on the "
                "right branch)",
                ko="`{b}`가 움직였어요: 지금 `{now}`, 원래 `{was}`였어요. `git switch {b}` 후 "
                "`git reset --hard {was7}`로 되돌리고 알맞은 브랜치에서 다시 작업하세요",
            ),
            b=branch,
            now=short(tip),
            was=short(C.commit_of(scene.repo, start)),
            was7=start[:7],
        )
    return C.ok(step, Text(en="`{b}` is untouched", ko="`{b}`는 그대로예요"), b=branch)


def missing_branch(step: str, branch: str, repo: git.Repo, how: Text) -> StepResult:
    """The verdict when the branch a step looks at does not exist; ``how`` says what to do."""
    from mergecamp import checks as C

    names = ", ".join(C.branch_names(repo)) or "-"
    return StepResult(
        step,
        False,
        Text(
            en=f"there is no branch `{branch}` (branches now: {names}); {how.en}",
            ko=f"`{branch}` 브랜치가 없어요(지금 브랜치: {names}). {how.ko}",
        ),
    )


def model_step(scene: Scene, step: str, rev: str) -> StepResult:
    """Build the model from the config at ``rev`` and run the team's whole fast suite
    (``pytest -m "not slow"``, as the project's CI does) on that tree.

    The tree is exported to a scratch folder in the workspace, so the learner's work
    tree (maybe dirty, maybe elsewhere) does not matter; the verdict is cached per tree
    hash in ``<workspace>/.mergecamp/suite/``, so checking the same tree again is instant.
    """
    from mergecamp import checks as C
    from mergecamp import project_tests

    if scene.quick:
        return tests_skipped_quick(step)
    missing = C.missing_ml_packages()
    if missing:
        return C.fail(
            step,
            Text(
                en="this step runs the model's tests, but mergecamp's Python ({py}) lacks {m}: "
                "install them with `pip install 'mergecamp[ml]'`, then `mergecamp check` again",
                ko="이 단계는 모델 테스트를 돌려야 하는데 mergecamp의 파이썬({py})에 {m} "
                "패키지가 없어요. `pip install 'mergecamp[ml]'`로 설치한 뒤 `mergecamp check`를 "
                "다시 실행하세요",
            ),
            py=sys.executable,
            m=", ".join(missing),
        )
    commit = C.commit_of(scene.repo, rev)
    if commit is None:
        return C.fail(
            step,
            Text(en="there is no commit `{r}` to test", ko="테스트할 `{r}` 커밋이 없어요"),
            r=rev,
        )
    result = suite_at(scene, rev, commit.tree.hexsha)
    if result.passed:
        return C.ok(
            step,
            Text(
                en="the model builds from `{f}` at `{r}` and the team's fast tests pass "
                "(`{cmd}`: {n})",
                ko="`{r}`의 `{f}`로 모델이 만들어지고 팀의 빠른 테스트도 통과해요(`{cmd}`: {n})",
            ),
            f=CONFIG,
            r=rev,
            cmd=project_tests.COMMAND,
            n=result.counts or "ok",
        )
    return C.fail(
        step,
        Text(
            en="the model at `{r}` does not pass the team's fast tests (`{cmd}`): {d}. Fix it "
            "(`git diff HEAD~1` shows what the merge changed), commit, and check again",
            ko="`{r}`의 모델이 팀의 빠른 테스트(`{cmd}`)를 통과하지 못해요: {d}. 고친 다음"
            "(`git diff HEAD~1`로 머지가 바꾼 내용을 볼 수 있어요) 커밋하고 다시 확인하세요",
        ),
        r=rev,
        cmd=project_tests.COMMAND,
        d=result.detail().strip() or "?",
    )


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
        scene.repo.archive(buffer, rev, format="tar")
        buffer.seek(0)
        with tarfile.open(fileobj=buffer) as tar:
            # The "data" filter exists from Python 3.11.4 on; the archive is git's own.
            safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
            tar.extractall(tmp, **safe)
        progress = project_tests.terminal_progress()
        try:
            result = project_tests.run_suite(Path(tmp), CONFIG, progress=progress)
        finally:
            project_tests.end_progress(progress)
    project_tests.store(cache_dir, key, result)
    return result
