"""stash-switch: park half-done work, fix main on a branch, come back and continue."""

from __future__ import annotations

from mergecamp.checks import blocked, branch_tip, fail, ok, option_at, worktree_text
from mergecamp.engine import start_ref
from mergecamp.exercise import Exercise, Step, StepResult
from mergecamp.exercises._common import CONFIG, project_repo
from mergecamp.i18n import Text
from mergecamp.scene import Scene
from mergecamp.scripting import JUN, YOU, commit_all, read_option, set_option
from mergecamp.state import read_state

ID = "stash-switch"
EXP = "exp/attention"
STEPS = ("fix-committed", "wip-restored", "stash-empty")


def setup(scene: Scene) -> None:
    repo, clock = project_repo(scene)
    config = scene.root / CONFIG
    set_option(config, "max_epochs", "1")
    commit_all(repo, "chore(config): one epoch while debugging the data", JUN, clock)
    repo.git.checkout("-q", "-b", EXP)
    set_option(config, "arch", "transformer")
    commit_all(repo, "exp(model): start the attention experiment", YOU, clock)
    # Half-done, not committed: the learner's work in progress.
    set_option(config, "hidden_size", "96")
    set_option(config, "num_layers", "3")


def check(scene: Scene) -> list[StepResult]:
    repo = scene.repo
    main = start_ref(scene, "refs/heads/main")
    fixes = [
        h.name
        for h in repo.heads
        if h.name not in ("main", EXP)
        and option_at(repo, h.name, CONFIG, "max_epochs") == "10"
        and main is not None
        and repo.is_ancestor(main, h.commit.hexsha)
    ]
    results: list[StepResult] = []
    if not fixes:
        results.append(
            fail(
                "fix-committed",
                Text(
                    en=(
                        "No branch off main sets `max_epochs: 10` yet. `git stash`, then "
                        "`git switch -c fix/max-epochs main`, fix the line and commit."
                    ),
                    ko=(
                        "main에서 딴 브랜치 중 `max_epochs: 10`으로 고친 게 아직 없어요. "
                        "`git stash` 후 "
                        "`git switch -c fix/max-epochs main`, 그 줄을 고치고 커밋해요."
                    ),
                ),
            )
        )
    else:
        leaked = [
            b
            for b in fixes
            if option_at(repo, b, CONFIG, "hidden_size") != "64"
            or option_at(repo, b, CONFIG, "arch") != "lstm"
        ]
        if leaked:
            results.append(
                fail(
                    "fix-committed",
                    Text(
                        en=(
                            "`{b}` has the fix, but your half-done experiment came along (arch or "
                            "hidden_size changed). Stash first, so the fix branch holds the "
                            "fix only."
                        ),
                        ko=(
                            "`{b}`에 수정은 있지만 하다 만 실험 내용(arch나 hidden_size)까지 "
                            "따라갔어요. "
                            "먼저 stash해서 수정 브랜치에는 수정만 담아요."
                        ),
                    ),
                    b=leaked[0],
                )
            )
        else:
            results.append(
                ok(
                    "fix-committed",
                    Text(
                        en="`{b}` fixes max_epochs, nothing else.",
                        ko="`{b}`가 max_epochs만 고쳤어요.",
                    ),
                    b=fixes[0],
                )
            )
    state = read_state(scene.root / ".git")
    text = worktree_text(repo, CONFIG) or ""
    exp_tip = branch_tip(repo, EXP)
    committed_wip = exp_tip is not None and option_at(repo, EXP, CONFIG, "hidden_size") == "96"
    wip_here = read_option(text, "hidden_size") == "96" and read_option(text, "num_layers") == "3"
    if state.branch == EXP and (wip_here or committed_wip):
        results.append(
            ok(
                "wip-restored",
                Text(
                    en="You are back on `{e}` with your work.", ko="작업과 함께 `{e}`로 돌아왔어요."
                ),
                e=EXP,
            )
        )
    else:
        results.append(
            fail(
                "wip-restored",
                Text(
                    en=(
                        "You are on {where} and the half-done change (hidden_size 96, "
                        "num_layers 3) "
                        "is not in the work tree. `git switch {e}` and `git stash pop`."
                    ),
                    ko=(
                        "지금 {where}에 있고, 하다 만 변경(hidden_size 96, num_layers 3)이 작업 "
                        "폴더에 없어요. `git switch {e}` 후 `git stash pop`을 해요."
                    ),
                ),
                where=state.branch or "a detached HEAD",
                e=EXP,
            )
        )
    stashes = repo.git.stash("list").strip()
    if not stashes:
        results.append(
            ok("stash-empty", Text(en="No stash left behind.", ko="남은 stash가 없어요."))
        )
    elif results[-1].passed:
        results.append(
            fail(
                "stash-empty",
                Text(
                    en=(
                        "A stash is still there (`git stash list`). `git stash pop` "
                        "applies and drops it; if it is applied already, `git stash "
                        "drop`."
                    ),
                    ko=(
                        "stash가 아직 남아 있어요(`git stash list`). `git stash pop`은 적용하고 "
                        "지워요. 이미 적용했다면 `git stash drop`."
                    ),
                ),
            )
        )
    else:
        results.append(blocked("stash-empty"))
    return results


EXERCISE = Exercise(
    id=ID,
    track="team",
    level=8,
    title=Text(en="Stash, fix, come back", ko="stash하고, 고치고, 돌아오기"),
    story=Text(
        en=(
            "You are halfway through widening the attention model on `exp/attention` when Jun "
            "writes: main trains for one epoch only, a debugging leftover. Park your work, fix "
            "`max_epochs` to 10 on a branch off main, then get back to your experiment."
        ),
        ko=(
            "`exp/attention`에서 어텐션 모델을 넓히는 작업을 반쯤 했는데 준이 연락했어요: main이 "
            "디버깅하다 남은 설정 때문에 1 epoch만 학습한대요. 하던 작업을 잠시 치워 두고, "
            "main에서 "
            "딴 브랜치에서 `max_epochs`를 10으로 고친 다음, 실험으로 돌아와요."
        ),
    ),
    goal=Text(
        en=(
            "A branch off main fixes max_epochs alone; you are on "
            "exp/attention with your work back; no stash left."
        ),
        ko=(
            "main에서 딴 브랜치가 max_epochs만 고치고, 나는 작업을 되찾은 채 "
            "exp/attention에 있고, stash는 비어 있어요."
        ),
    ),
    steps=(
        Step(
            "fix-committed",
            Text(
                en=(
                    "`git stash`, `git switch -c fix/max-epochs main`, set "
                    "`max_epochs: 10`, commit."
                ),
                ko=(
                    "`git stash`, `git switch -c fix/max-epochs main`, "
                    "`max_epochs: 10`으로 고치고 커밋."
                ),
            ),
        ),
        Step(
            "wip-restored",
            Text(
                en="`git switch exp/attention` and `git stash pop`.",
                ko="`git switch exp/attention` 후 `git stash pop`.",
            ),
        ),
        Step("stash-empty", Text(en="Leave no stash behind.", ko="stash를 남기지 않아요.")),
    ),
    hints=(
        Text(
            en=(
                "`git switch main` refuses: your change would be "
                "overwritten. That is what stash is for."
            ),
            ko="`git switch main`이 거절돼요: 변경이 덮어써질 수 있어서요. 그럴 때 stash를 써요.",
        ),
        Text(
            en="`git stash list` shows what is parked.",
            ko="`git stash list`로 치워 둔 작업을 봐요.",
        ),
    ),
    solution=(
        "git stash",
        "git switch -c fix/max-epochs main",
        "sed -i 's/^\\(  max_epochs:\\) 1$/\\1 10/' configs/default.yaml",
        'git commit -am "fix(config): train for 10 epochs again"',
        "git switch exp/attention",
        "git stash pop",
    ),
    setup=setup,
    check=check,
    tags=("stash", "branch"),
    # The half-done change may end up committed on the experiment; it must not be lost.
    may_change=(f"refs/heads/{EXP}",),
    keeps=(CONFIG,),
)
