"""Exercise 6, merge-conflict: both branches changed the activation line; resolve it as
the story asks (the experiment's swish, main's dropout), no markers left, the model
builds and its tests pass, and the merge commit has both parents.

Sora's commit changes ``dropout`` and ``activation`` together, two lines apart from
nothing, so git puts both in one conflict hunk: taking either side whole is wrong.
"""

from __future__ import annotations

from mergecamp import checks as C
from mergecamp.engine import start_ref
from mergecamp.exercise import Exercise, Step, StepResult
from mergecamp.exercises._common import (
    CONFIG,
    change,
    missing_branch,
    model_step,
    project_repo,
    short,
)
from mergecamp.exercises.sync_experiment import both_sides
from mergecamp.i18n import Text
from mergecamp.scene import Scene
from mergecamp.scripting import SORA, YOU, checkout

BRANCH = "exp/swish"


def setup(scene: Scene) -> None:
    repo, clock = project_repo(scene)
    checkout(repo, BRANCH, create_from="main")
    change(
        repo,
        scene,
        clock,
        YOU,
        "feat(model): try swish in the recurrent readout",
        activation="swish",
    )
    checkout(repo, "main")
    change(
        repo,
        scene,
        clock,
        SORA,
        "fix(model): relu and some dropout against overfitting",
        dropout=0.1,
        activation="relu",
    )
    checkout(repo, BRANCH)


def check(scene: Scene) -> list[StepResult]:
    repo = scene.repo
    main_start = start_ref(scene, "refs/heads/main") or "main"
    exp_start = start_ref(scene, f"refs/heads/{BRANCH}") or BRANCH
    if C.branch_tip(repo, BRANCH) is None:
        gone = missing_branch(
            "merged",
            BRANCH,
            repo,
            Text(en="`mergecamp reset` starts over", ko="`mergecamp reset`으로 다시 시작하세요"),
        )
        return [gone, C.blocked("no-markers"), C.blocked("resolution"), C.blocked("model")]
    merged = _merged(scene, repo, main_start, exp_start)
    markers = _markers(repo, exp_start)
    resolution = both_sides(
        repo, BRANCH, exp_start, {"activation": "swish"}, {"dropout": "0.1"}, "resolution"
    )
    if merged.passed and markers.passed and resolution.passed:
        model = model_step(scene, "model", BRANCH)
    else:
        model = C.blocked("model")
    return [merged, markers, resolution, model]


def _merged(scene: Scene, repo, main_start: str, exp_start: str) -> StepResult:
    if (scene.root / ".git" / "MERGE_HEAD").exists():
        return C.fail(
            "merged",
            Text(
                en="the merge is still in progress: fix `{f}`, `git add {f}`, then `git commit`",
                ko="머지가 아직 진행 중이에요: `{f}`를 고치고 `git add {f}` 한 다음 "
                "`git commit` 하세요",
            ),
            f=CONFIG,
        )
    for merge in C.merges_in(repo, exp_start, BRANCH):
        parents = [p.hexsha for p in merge.parents]
        if any(C.is_ancestor(repo, exp_start, p) for p in parents) and any(
            C.is_ancestor(repo, main_start, p) for p in parents
        ):
            return C.ok(
                "merged",
                Text(
                    en="merge commit `{c}` has both parents: `{b}` and main",
                    ko="머지 커밋 `{c}`의 부모가 `{b}`와 main 둘 다예요",
                ),
                c=short(merge),
                b=BRANCH,
            )
    if not C.is_ancestor(repo, exp_start, BRANCH):
        return C.fail(
            "merged",
            Text(
                en="`{b}` lost its own commit `{c}` (rewritten?); `mergecamp reset` starts over",
                ko="`{b}`에서 원래 커밋 `{c}`가 사라졌어요(다시 썼나요?). "
                "`mergecamp reset`으로 다시 시작하세요",
            ),
            b=BRANCH,
            c=short(C.commit_of(repo, exp_start)),
        )
    return C.fail(
        "merged",
        Text(
            en="`{b}` has no merge commit with main yet: on `{b}`, run `git merge main`",
            ko="`{b}`에 아직 main과의 머지 커밋이 없어요. `{b}`에서 `git merge main` 하세요",
        ),
        b=BRANCH,
    )


def _markers(repo, exp_start: str) -> StepResult:
    changed = C.paths_changed_between(repo, exp_start, BRANCH) | {CONFIG}
    left = C.files_with_markers(repo, BRANCH, sorted(changed))
    if left:
        return C.fail(
            "no-markers",
            Text(
                en="conflict markers (`<<<<<<<`, `=======`, `>>>>>>>`) are committed in {files}; "
                "delete them, keep the lines the story asks for, `git add` the file and "
                "`git commit --amend --no-edit` (a fix on top would leave them in the history)",
                ko="{files}에 충돌 표시(`<<<<<<<`, `=======`, `>>>>>>>`)가 커밋됐어요. "
                "표시를 지우고 스토리대로 줄을 남긴 다음 `git add` 하고 "
                "`git commit --amend --no-edit` 하세요(위에 새 커밋을 더하면 표시가 히스토리에 "
                "남아요)",
            ),
            files=", ".join(f"`{p}`" for p in left),
        )
    if C.has_markers(C.worktree_text(repo, CONFIG)):
        return C.fail(
            "no-markers",
            Text(
                en="`{f}` in your working tree still has conflict markers; edit it, then "
                "`git add {f}`",
                ko="작업 디렉터리의 `{f}`에 아직 충돌 표시가 있어요. "
                "고친 다음 `git add {f}` 하세요",
            ),
            f=CONFIG,
        )
    return C.ok(
        "no-markers", Text(en="no conflict markers left", ko="충돌 표시가 남아 있지 않아요")
    )


EXERCISE = Exercise(
    id="merge-conflict",
    track="basics",
    level=3,
    title=Text(en="Resolve a merge conflict", ko="머지 충돌 해결하기"),
    story=Text(
        en="On `exp/swish` you switched the activation to swish. On main, Sora set it to relu "
        "and added `dropout: 0.1` in the same commit. She says: keep your swish for the "
        "experiment, but keep her dropout. Merge main into `exp/swish` and resolve the "
        "conflict that way.",
        ko="`exp/swish`에서 활성화 함수를 swish로 바꿨어요. 그런데 main에서는 소라가 한 커밋으로 "
        "relu로 바꾸고 `dropout: 0.1`도 넣었어요. 소라 말로는 실험에선 swish를 쓰되 dropout은 "
        "자기 것을 살려 달래요. main을 `exp/swish`로 머지하고 충돌을 그렇게 해결하세요.",
    ),
    goal=Text(
        en="`exp/swish` has a merge commit with both parents; `configs/default.yaml` there has "
        "`activation: swish` and `dropout: 0.1`, no conflict markers; the model builds and "
        "its fast tests pass.",
        ko="`exp/swish`에 부모가 둘인 머지 커밋이 있고, 거기 `configs/default.yaml`에 "
        "`activation: swish`와 `dropout: 0.1`이 있으며 충돌 표시가 없어요. 모델이 만들어지고 "
        "빠른 테스트도 통과해요.",
    ),
    steps=(
        Step(
            "merged",
            Text(
                en="Merge main into `exp/swish` (a commit with both parents)",
                ko="main을 `exp/swish`로 머지해요(부모가 둘인 커밋)",
            ),
        ),
        Step("no-markers", Text(en="No conflict markers left", ko="충돌 표시를 남기지 않아요")),
        Step(
            "resolution",
            Text(
                en="Keep `activation: swish` and Sora's `dropout: 0.1`",
                ko="`activation: swish`와 소라의 `dropout: 0.1`을 남겨요",
            ),
        ),
        Step(
            "model",
            Text(
                en="The model builds and its fast tests pass",
                ko="모델이 만들어지고 빠른 테스트가 통과해요",
            ),
        ),
    ),
    hints=(
        Text(
            en="`git merge main` stops with a conflict in `configs/default.yaml`; "
            "`git status` lists the file under 'Unmerged paths'.",
            ko="`git merge main`은 `configs/default.yaml` 충돌로 멈춰요. `git status`를 보면 "
            "'Unmerged paths'에 그 파일이 있어요.",
        ),
        Text(
            en="Between `<<<<<<< HEAD` and `=======` is your side, below it up to `>>>>>>> main` "
            "is Sora's. Write the lines you want (swish and dropout 0.1) and delete the three "
            "marker lines.",
            ko="`<<<<<<< HEAD`부터 `=======`까지가 내 쪽, 그 아래 `>>>>>>> main`까지가 소라 쪽이"
            "에요. 원하는 줄(swish, dropout 0.1)만 남기고 표시 세 줄을 지우세요.",
        ),
        Text(
            en="Then `git add configs/default.yaml` and `git commit --no-edit`. "
            "Not `git merge -s ours` and not `--theirs`: each loses one of the changes.",
            ko="그다음 `git add configs/default.yaml`, `git commit --no-edit` 하세요. "
            "`git merge -s ours`나 `--theirs`는 한쪽 변경을 잃어요.",
        ),
    ),
    solution=(
        "git merge main || true",
        "git checkout --theirs configs/default.yaml",
        "perl -pi -e 's/^(\\s*activation:) relu\\b/$1 swish/' configs/default.yaml",
        "git add configs/default.yaml",
        "git commit --no-edit",
    ),
    setup=setup,
    check=check,
    tags=("merge", "conflict"),
    may_change=(f"refs/heads/{BRANCH}",),
    merges=((f"refs/heads/{BRANCH}", "refs/heads/main"),),
)
