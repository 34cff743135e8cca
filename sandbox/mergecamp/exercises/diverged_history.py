"""diverged-history: Jun pushed first; integrate with `git pull --rebase`, then push."""

from __future__ import annotations

from pathlib import Path

from mergecamp.checks import blocked, fail, ok
from mergecamp.exercise import Exercise, Step, StepResult
from mergecamp.i18n import Text
from mergecamp.scene import Scene
from mergecamp.scripting import JUN, YOU, Clock, commit_all, read_option, set_option
from mergecamp.state import read_state
from mergecamp.team import origin as origin_mod
from mergecamp.team.checking import (
    impostor_text,
    impostors,
    preflight,
    remember_scripted,
    scripted_shas,
)
from mergecamp.team.world import CONFIG, JUN_T, publish, recall, remember, seed

ID = "diverged-history"
BRANCH = "exp/tuning"
STEPS = ("team-kept", "your-change", "linear", "in-sync")


def setup(scene: Scene) -> None:
    import git as gitpython

    clock = Clock()
    repo = seed(scene, clock)
    root = Path(repo.working_tree_dir or "")
    repo.git.checkout("-q", "-b", BRANCH)
    set_option(root / CONFIG, "hidden_size", "128")
    commit_all(repo, "exp(config): widen the LSTM to 128 units", JUN, clock)
    origin = publish(scene, repo)
    learner = gitpython.Repo(scene.root)
    learner.git.checkout("-q", "-b", BRANCH, "--track", f"origin/{BRANCH}")
    # Yesterday's work, committed but never pushed.
    set_option(scene.root / CONFIG, "dropout", "0.1")
    yours = commit_all(learner, "exp(config): add dropout 0.1 against overfitting", YOU, clock)
    learner.close()
    # This morning Jun pushed first.
    jun = JUN_T.commit_and_push(
        scene.team_dir,  # type: ignore[arg-type]
        BRANCH,
        lambda path: set_option(path / CONFIG, "max_epochs", "20"),
        "exp(config): train for 20 epochs",
        clock,
    )
    remember(origin, jun=jun, yours=yours.hexsha)
    remember_scripted(origin)


def check(scene: Scene) -> list[StepResult]:
    origin = scene.origin
    early = preflight(origin, STEPS, scene.root)
    if early:
        return early
    assert origin is not None
    facts = recall(origin)
    tip = origin_mod.ref(origin, f"refs/heads/{BRANCH}")
    results: list[StepResult] = []
    if tip is None or not origin_mod.is_ancestor(origin, facts["jun"], tip):
        results.append(
            fail(
                "team-kept",
                Text(
                    en=(
                        'Jun\'s commit {jun} "exp(config): train for 20 epochs" is no longer on '
                        "origin/{branch}: a force-push replaced his work with yours. Never "
                        "force-push a shared branch. `mergecamp reset`, then `git pull --rebase` "
                        "and a plain `git push`."
                    ),
                    ko=(
                        '준의 커밋 {jun} "exp(config): train for 20 epochs"가 origin/{branch}에 '
                        "없어요: 강제 푸시(force-push)로 준의 작업을 내 것으로 덮어썼어요. "
                        "함께 쓰는 "
                        "브랜치에는 절대 강제 푸시하지 않아요. `mergecamp reset` 후 "
                        "`git pull --rebase`, 그리고 그냥 `git push`를 해요."
                    ),
                ),
                jun=facts["jun"][:7],
                branch=BRANCH,
            )
        )
        return results + [blocked(s) for s in STEPS[1:]]
    fake = impostors(origin, f"{facts['jun']}..{tip}", scripted_shas(origin))
    if fake:
        return [
            fail("team-kept", impostor_text(fake[0], scene.root)),
            *(blocked(s) for s in STEPS[1:]),
        ]
    results.append(
        ok(
            "team-kept",
            Text(
                en="Jun's commit is still on origin/{branch}.",
                ko="준의 커밋이 origin/{branch}에 그대로 있어요.",
            ),
            branch=BRANCH,
        )
    )
    dropout = read_option(origin_mod.show_file(origin, tip, CONFIG) or "", "dropout")
    epochs = read_option(origin_mod.show_file(origin, tip, CONFIG) or "", "max_epochs")
    if dropout != "0.1" or epochs != "20":
        results.append(
            fail(
                "your-change",
                Text(
                    en=(
                        "origin/{branch} has dropout {dropout} and max_epochs {epochs}; the team "
                        "needs both changes (0.1 and 20). Your push was rejected: run "
                        "`git pull --rebase`, then `git push`."
                    ),
                    ko=(
                        "origin/{branch}의 dropout은 {dropout}, max_epochs는 {epochs}예요. 두 변경 "
                        "(0.1과 20)이 모두 있어야 해요. 푸시가 거절됐다면 `git pull --rebase` 후 "
                        "`git push`를 해요."
                    ),
                ),
                branch=BRANCH,
                dropout=dropout,
                epochs=epochs,
            )
        )
        return [*results, blocked("linear"), blocked("in-sync")]
    results.append(
        ok(
            "your-change",
            Text(
                en="origin/{branch} has your dropout and Jun's epochs.",
                ko="origin/{branch}에 내 dropout과 준의 epoch 변경이 모두 있어요.",
            ),
            branch=BRANCH,
        )
    )
    merges = [c for c in origin_mod.commits(origin, f"{facts['jun']}..{tip}") if len(c.parents) > 1]
    if merges:
        results.append(
            fail(
                "linear",
                Text(
                    en=(
                        'origin/{branch} got a merge commit {sha} ("{subject}"): `git pull` '
                        "merged. This team keeps shared branches linear: replay your commit on "
                        "top of Jun's with `git pull --rebase`. `mergecamp reset` to try again."
                    ),
                    ko=(
                        'origin/{branch}에 머지 커밋 {sha}("{subject}")가 생겼어요: `git pull`이 '
                        "머지를 했어요. 이 팀은 함께 쓰는 브랜치를 일직선으로 유지해요: "
                        "`git pull --rebase`로 내 커밋을 준의 커밋 위에 다시 쌓아요. "
                        "`mergecamp reset`으로 다시 해 봐요."
                    ),
                ),
                branch=BRANCH,
                sha=merges[0].sha[:7],
                subject=merges[0].subject,
            )
        )
    else:
        results.append(
            ok(
                "linear",
                Text(
                    en="History is linear: your commit sits on top of Jun's.",
                    ko="히스토리가 일직선이에요: 내 커밋이 준의 커밋 위에 있어요.",
                ),
            )
        )
    results.append(_in_sync(scene, tip))
    return results


def _in_sync(scene: Scene, tip: str) -> StepResult:
    state = read_state(scene.root / ".git")
    local = origin_mod.ref(scene.root, f"refs/heads/{BRANCH}")
    if state.operation is not None or local != tip:
        return fail(
            "in-sync",
            Text(
                en=(
                    "Your `{branch}` ({local}) and origin's ({tip}) differ{extra}. Finish what "
                    "is in progress, then `git push` (or `git pull --rebase` first)."
                ),
                ko=(
                    "내 `{branch}`({local})와 origin의 것({tip})이 달라요{extra}. 진행 중인 작업을 "
                    "마치고 `git push`(필요하면 먼저 `git pull --rebase`)를 해요."
                ),
            ),
            branch=BRANCH,
            local=(local or "?")[:7],
            tip=tip[:7],
            extra=f" ({state.operation})" if state.operation else "",
        )
    return ok(
        "in-sync",
        Text(
            en="Your `{branch}` and origin's are the same commit.",
            ko="내 `{branch}`와 origin의 것이 같은 커밋이에요.",
        ),
        branch=BRANCH,
    )


EXERCISE = Exercise(
    id=ID,
    track="team",
    level=2,
    team_folder=f"{ID}-team",
    title=Text(en="Someone pushed first", ko="누가 먼저 푸시했어요"),
    story=Text(
        en=(
            "You and Jun share `exp/tuning` to tune the LSTM. Yesterday you committed dropout "
            "0.1 but did not push; this morning Jun pushed 20 epochs to the same branch (the team "
            "folder is `../diverged-history-team`). Push your commit without losing his: the "
            "team keeps this branch linear, so use `git pull --rebase`."
        ),
        ko=(
            "준과 함께 `exp/tuning` 브랜치에서 LSTM을 튜닝하고 있어요. 어제 dropout 0.1을 커밋만 "
            "하고 푸시는 안 했는데, 오늘 아침 준이 같은 브랜치에 20 epoch 변경을 먼저 푸시했어요 "
            "(팀 폴더는 `../diverged-history-team`). 준의 작업을 잃지 말고 내 커밋을 "
            "푸시해요. 팀은 "
            "이 브랜치를 일직선으로 유지하니 `git pull --rebase`를 써요."
        ),
    ),
    goal=Text(
        en=(
            "origin/exp/tuning has Jun's commit and yours on top of it (no merge commit, "
            "no force-push), and your branch matches origin's."
        ),
        ko=(
            "origin/exp/tuning에 준의 커밋과 그 위에 내 커밋이 있고(머지 커밋도 강제 "
            "푸시도 없이), 내 브랜치가 origin과 같아요."
        ),
    ),
    steps=(
        Step(
            "team-kept",
            Text(
                en="`git push` and read why it is rejected; never `--force` over Jun's work.",
                ko=(
                    "`git push`를 해 보고 왜 거절되는지 읽어요. 준의 작업 위로 `--force`는 안 돼요."
                ),
            ),
        ),
        Step(
            "your-change",
            Text(
                en="Bring Jun's commit in: `git pull --rebase`.",
                ko="준의 커밋을 가져와요: `git pull --rebase`.",
            ),
        ),
        Step(
            "linear",
            Text(
                en="Keep the history linear (no merge commit).",
                ko="히스토리를 일직선으로 유지해요 (머지 커밋 없이).",
            ),
        ),
        Step(
            "in-sync",
            Text(en="`git push` again.", ko="다시 `git push`를 해요."),
        ),
    ),
    hints=(
        Text(
            en='"rejected … (fetch first)" means origin has commits you do not have yet.',
            ko='"rejected … (fetch first)"는 origin에 내가 아직 없는 커밋이 있다는 뜻이에요.',
        ),
        Text(
            en="`git pull --rebase` fetches, then replays your local commits on top of origin's.",
            ko="`git pull --rebase`는 가져온 다음 내 로컬 커밋을 origin 커밋 위에 다시 쌓아요.",
        ),
        Text(
            en="`git log --oneline --graph --all` shows both lines before and after.",
            ko="`git log --oneline --graph --all`로 전후 모습을 비교해 봐요.",
        ),
    ),
    solution=(
        "git pull --rebase",
        "git push",
    ),
    setup=setup,
    check=check,
    tags=("remote", "pull", "rebase"),
    # `git pull --rebase` replays the unpushed commit; origin's branch only grows.
    may_rewrite=(f"refs/heads/{BRANCH}",),
    may_change=(f"refs/remotes/origin/{BRANCH}",),
)
