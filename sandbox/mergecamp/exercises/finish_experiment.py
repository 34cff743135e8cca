"""Exercise 5, finish-experiment: merge ``exp/gru`` into main with a merge commit.

main has not moved since the branch started, so a plain ``git merge`` would
fast-forward and the experiment's commits would look as if made on main. The check
walks main's first-parent history: it must contain a merge commit whose other parent
brings the experiment, and the merge must keep the experiment's changes (not ``-s ours``).
"""

from __future__ import annotations

from mergecamp import checks as C
from mergecamp.engine import start_ref
from mergecamp.exercise import Exercise, Step, StepResult
from mergecamp.exercises._common import change, project_repo, short
from mergecamp.exercises.sync_experiment import both_sides
from mergecamp.i18n import Text
from mergecamp.scene import Scene
from mergecamp.scripting import JUN, YOU, checkout

BRANCH = "exp/gru"
EXPERIMENT = {"arch": "gru", "hidden_size": "96"}


def setup(scene: Scene) -> None:
    repo, clock = project_repo(scene)
    change(
        repo, scene, clock, JUN, "feat(data): longer sequences for the adding problem", seq_len=100
    )
    checkout(repo, BRANCH, create_from="main")
    change(repo, scene, clock, YOU, "feat(model): try a GRU instead of the LSTM", arch="gru")
    change(
        repo, scene, clock, YOU, "feat(model): 96 GRU units match the LSTM's score", hidden_size=96
    )


def check(scene: Scene) -> list[StepResult]:
    repo = scene.repo
    main_start = start_ref(scene, "refs/heads/main") or "main"
    exp_start = start_ref(scene, f"refs/heads/{BRANCH}") or BRANCH
    if C.branch_tip(repo, "main") is None:
        return [
            C.fail(
                "merged",
                Text(
                    en="branch `main` is gone; `mergecamp reset` starts over",
                    ko="`main` 브랜치가 없어요. `mergecamp reset`으로 다시 시작하세요",
                ),
            ),
            C.blocked("merge-commit"),
            C.blocked("content"),
        ]
    merged = _merged(repo, exp_start)
    if not merged.passed:
        return [merged, C.blocked("merge-commit"), C.blocked("content")]
    return [
        merged,
        _merge_commit(repo, main_start, exp_start),
        both_sides(repo, "main", main_start, EXPERIMENT, {}, "content"),
    ]


def _merged(repo, exp_start: str) -> StepResult:
    if C.is_ancestor(repo, exp_start, "main"):
        return C.ok(
            "merged", Text(en="main contains the experiment", ko="main에 실험 커밋이 들어 있어요")
        )
    return C.fail(
        "merged",
        Text(
            en="main does not contain `{c}` yet: `git switch main`, then `git merge --no-ff {b}`",
            ko="main에 아직 `{c}`가 없어요. `git switch main` 후 `git merge --no-ff {b}` 하세요",
        ),
        c=short(C.commit_of(repo, exp_start)),
        b=BRANCH,
    )


def _merge_commit(repo, main_start: str, exp_start: str) -> StepResult:
    for commit in C.first_parent_chain(repo, "main", main_start):
        if len(commit.parents) > 1 and any(
            C.is_ancestor(repo, exp_start, p.hexsha) for p in commit.parents[1:]
        ):
            return C.ok(
                "merge-commit",
                Text(
                    en="merge commit `{c}` keeps the experiment's history visible",
                    ko="머지 커밋 `{c}` 덕분에 실험 히스토리가 그대로 보여요",
                ),
                c=short(commit),
            )
    return C.fail(
        "merge-commit",
        Text(
            en="main fast-forwarded to the experiment: there is no merge commit, so its commits "
            "look as if made on main. Undo with `git reset --hard {m}` (on main), then "
            "`git merge --no-ff {b}`",
            ko="main이 실험 브랜치로 fast-forward 됐어요: 머지 커밋이 없어서 실험 커밋이 main에서 "
            "만든 것처럼 보여요. main에서 `git reset --hard {m}`로 되돌리고 "
            "`git merge --no-ff {b}` 하세요",
        ),
        m=main_start[:7],
        b=BRANCH,
    )


EXERCISE = Exercise(
    id="finish-experiment",
    track="basics",
    level=2,
    title=Text(en="Finish the experiment with a merge commit", ko="머지 커밋으로 실험 마무리하기"),
    story=Text(
        en="The GRU with 96 units matches the LSTM with fewer parameters, and the team "
        "agreed to adopt it. Merge `exp/gru` into main so that the experiment's history "
        "stays visible as a branch of its own, not flattened into main.",
        ko="GRU 96 유닛이 더 적은 파라미터로 LSTM만큼 나와서 팀이 채택하기로 했어요. "
        "`exp/gru`를 main에 머지하되, 실험 히스토리가 main에 납작하게 섞이지 않고 "
        "따로 보이도록 머지 커밋을 남기세요.",
    ),
    goal=Text(
        en="main has a merge commit whose second parent is the experiment; main's config "
        "has `arch: gru` and `hidden_size: 96`.",
        ko="main에 두 번째 부모가 실험 브랜치인 머지 커밋이 있고, main의 설정에 "
        "`arch: gru`와 `hidden_size: 96`이 있어요.",
    ),
    steps=(
        Step("merged", Text(en="main contains `exp/gru`", ko="main에 `exp/gru`가 들어가요")),
        Step(
            "merge-commit",
            Text(
                en="Through a merge commit (no fast-forward)",
                ko="머지 커밋으로 해요(fast-forward 말고)",
            ),
        ),
        Step(
            "content",
            Text(en="main has the experiment's changes", ko="main에 실험의 변경이 들어 있어요"),
        ),
    ),
    hints=(
        Text(
            en="You merge *into* the branch you are on: `git switch main` first.",
            ko="머지는 지금 있는 브랜치*로* 가져와요. 먼저 `git switch main` 하세요.",
        ),
        Text(
            en="main has not moved since the branch started, so git would just move main "
            "forward (fast-forward) and make no merge commit.",
            ko="브랜치를 만든 뒤 main이 움직이지 않아서, 그냥 머지하면 git은 main을 앞으로 "
            "옮기기만 하고(fast-forward) 머지 커밋을 만들지 않아요.",
        ),
        Text(
            en="`git merge --no-ff exp/gru` always makes a merge commit.",
            ko="`git merge --no-ff exp/gru`는 항상 머지 커밋을 만들어요.",
        ),
    ),
    solution=("git switch main", "git merge --no-ff --no-edit exp/gru"),
    setup=setup,
    check=check,
    tags=("merge", "no-ff"),
    # main takes the merge; the experiment may be deleted once merged (`git branch -d`).
    may_change=("refs/heads/main", f"refs/heads/{BRANCH}"),
    merges=(("refs/heads/main", f"refs/heads/{BRANCH}"),),
)
