"""reflog-rescue: a branch was deleted by mistake; bring its commits back from the reflog."""

from __future__ import annotations

from mergecamp.checks import branch_tip, fail, ok
from mergecamp.engine import start_ref
from mergecamp.exercise import Exercise, Step, StepResult
from mergecamp.exercises._common import CONFIG, project_repo
from mergecamp.i18n import Text
from mergecamp.meta import read_meta, update_meta
from mergecamp.scene import Scene
from mergecamp.scripting import YOU, commit_all, set_option

ID = "reflog-rescue"
BRANCH = "exp/bidirectional"
STEPS = ("restored", "main-kept")


def setup(scene: Scene) -> None:
    repo, clock = project_repo(scene)
    repo.git.checkout("-q", "-b", BRANCH)
    set_option(scene.root / CONFIG, "bidirectional", "true")
    commit_all(repo, "exp(model): read the sequence in both directions", YOU, clock)
    set_option(scene.root / CONFIG, "num_layers", "2")
    tip = commit_all(repo, "exp(model): stack two bidirectional layers", YOU, clock)
    repo.git.checkout("-q", "main")
    repo.git.branch("-D", BRANCH)
    (scene.root / ".git" / "mergecamp-tip").write_text(tip.hexsha, encoding="utf-8")


def _lost_tip(scene: Scene) -> str | None:
    meta = read_meta(scene.root) or {}
    if "lost_tip" not in meta:
        path = scene.root / ".git" / "mergecamp-tip"
        if not path.is_file():
            return None
        update_meta(scene.root, lost_tip=path.read_text(encoding="utf-8").strip())
        meta = read_meta(scene.root) or {}
    return meta.get("lost_tip")


def check(scene: Scene) -> list[StepResult]:
    repo = scene.repo
    lost = _lost_tip(scene)
    tip = branch_tip(repo, BRANCH)
    results: list[StepResult] = []
    if tip is not None and tip.hexsha == lost:
        results.append(
            ok(
                "restored",
                Text(
                    en="`{b}` is back with both commits.",
                    ko="`{b}`가 커밋 두 개와 함께 돌아왔어요.",
                ),
                b=BRANCH,
            )
        )
    elif tip is not None and lost and repo.is_ancestor(tip.hexsha, lost):
        results.append(
            fail(
                "restored",
                Text(
                    en=(
                        '`{b}` is back but stops at {sha} "{s}": the newer commit is missing. '
                        "Look further in `git reflog` and `git branch -f {b} <sha>`."
                    ),
                    ko=(
                        '`{b}`가 돌아왔지만 {sha} "{s}"에서 멈춰 있어요: 더 최근 커밋이 빠졌어요. '
                        "`git reflog`를 더 살펴보고 `git branch -f {b} <sha>`를 해요."
                    ),
                ),
                b=BRANCH,
                sha=tip.hexsha[:7],
                s=tip.summary,
            )
        )
    else:
        results.append(
            fail(
                "restored",
                Text(
                    en=(
                        "`{b}` {state}. `git reflog` lists where HEAD has been; find "
                        '"stack two bidirectional layers" and `git branch {b} <sha>`.'
                    ),
                    ko=(
                        "`{b}` {state_ko}. `git reflog`에 HEAD가 거쳐 간 곳이 나와요. "
                        '"stack two bidirectional layers"를 찾아 `git branch {b} <sha>`를 해요.'
                    ),
                ),
                b=BRANCH,
                state="does not exist"
                if tip is None
                else "points at a commit that is not the lost work",
                state_ko="브랜치가 없어요"
                if tip is None
                else "브랜치가 잃어버린 작업이 아닌 커밋을 가리켜요",
            )
        )
    main = branch_tip(repo, "main")
    if main is not None and main.hexsha == start_ref(scene, "refs/heads/main"):
        results.append(ok("main-kept", Text(en="main is unchanged.", ko="main은 그대로예요.")))
    else:
        results.append(
            fail(
                "main-kept",
                Text(
                    en=(
                        "main moved: the lost work belongs on `{b}`, not main. `git "
                        "reset --hard ORIG_HEAD` on main, or `mergecamp reset`."
                    ),
                    ko=(
                        "main이 바뀌었어요: 잃어버린 작업은 main이 아니라 `{b}`에 있어야 "
                        "해요. main에서 `git "
                        "reset --hard ORIG_HEAD` 하거나 `mergecamp reset`을 해요."
                    ),
                ),
                b=BRANCH,
            )
        )
    return results


EXERCISE = Exercise(
    goal_reveals_answer=True,
    id=ID,
    track="team",
    level=10,
    title=Text(en="Rescue a deleted branch", ko="지워진 브랜치 살리기"),
    story=Text(
        en=(
            "Cleaning up old branches, you ran `git branch -D exp/bidirectional`, but that "
            "experiment was not merged anywhere: two commits of a bidirectional model, gone. "
            "Git remembers where HEAD has been; bring the branch back exactly as it was."
        ),
        ko=(
            "오래된 브랜치를 정리하다가 `git branch -D exp/bidirectional`을 해 버렸는데, 그 실험은 "
            "어디에도 머지되지 않았어요: 양방향 모델 커밋 두 개가 사라졌어요. git은 HEAD가 거쳐 간 "
            "곳을 기억해요. 브랜치를 원래 모습 그대로 되살려요."
        ),
    ),
    goal=Text(
        en="`exp/bidirectional` points at its old tip again (both commits), main unchanged.",
        ko=("`exp/bidirectional`이 다시 예전 끝 커밋(커밋 두 개)을 가리키고, main은 그대로예요."),
    ),
    steps=(
        Step(
            "restored",
            Text(
                en=(
                    "`git reflog`, find the branch's last commit, `git branch "
                    "exp/bidirectional <sha>`."
                ),
                ko=(
                    "`git reflog`로 브랜치의 마지막 커밋을 찾아 `git branch "
                    "exp/bidirectional <sha>`."
                ),
            ),
        ),
        Step("main-kept", Text(en="Leave main as it is.", ko="main은 그대로 둬요.")),
    ),
    hints=(
        Text(
            en=(
                '"checkout: moving from exp/bidirectional to main" in the reflog: the line '
                "below it is the tip."
            ),
            ko=(
                'reflog의 "checkout: moving from exp/bidirectional to main" 바로 전 위치가 끝 '
                "커밋이에요."
            ),
        ),
        Text(
            en="`HEAD@{1}` means where HEAD was one move ago.",
            ko="`HEAD@{1}`은 한 번 이동하기 전 HEAD 위치예요.",
        ),
    ),
    solution=("git branch exp/bidirectional 'HEAD@{1}'",),
    setup=setup,
    check=check,
    tags=("reflog", "recovery"),
)
