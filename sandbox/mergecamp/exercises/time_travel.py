"""Exercise 2, time-travel: check out older commits (detached HEAD) to find the commit
where the learning rate changed, tag it, and come back to ``main``.

The culprit's message is deliberately vague ("tidy the config"), so reading the log is
not enough: the learner looks inside the commits. The check finds the culprit by
meaning (the first-parent commit whose ``lr`` differs from its parent's), not by a
stored hash.
"""

from __future__ import annotations

from mergecamp import checks as C
from mergecamp.engine import start_ref
from mergecamp.exercise import Exercise, Step, StepResult
from mergecamp.exercises._common import CONFIG, change, project_repo, short
from mergecamp.i18n import Text
from mergecamp.scene import Scene
from mergecamp.scripting import JUN, MINA, SORA, append_text, commit_all

TAG = "lr-change"


def setup(scene: Scene) -> None:
    repo, clock = project_repo(scene)
    change(
        repo, scene, clock, JUN, "feat(data): longer sequences for the adding problem", seq_len=100
    )
    change(repo, scene, clock, SORA, "feat(train): train for 20 epochs", max_epochs=20)
    change(repo, scene, clock, MINA, "chore(config): tidy the model section", lr=0.03)
    append_text(
        scene.root / "README.md",
        "\n## Readout\n\n`readout: last` uses the final hidden state; `mean` and "
        "`max` pool over time.\n",
    )
    commit_all(repo, "docs: explain the readout choices", JUN, clock)
    change(repo, scene, clock, SORA, "perf(data): bigger batches", batch_size=128)
    append_text(
        scene.root / "README.md",
        "\n## Known issues\n\nval/loss is worse than last week. Nobody knows why.\n",
    )
    commit_all(repo, "docs: note the validation loss regression", MINA, clock)


def culprit(repo, tip: str) -> object | None:
    """The newest first-parent commit on ``tip`` that changed ``lr``."""
    try:
        history = list(repo.iter_commits(tip, first_parent=True))
    except Exception:
        return None
    for commit in history:
        if not commit.parents:
            return None
        before = C.option_at(repo, commit.parents[0].hexsha, CONFIG, "lr")
        after = C.option_at(repo, commit.hexsha, CONFIG, "lr")
        if before != after:
            return commit
    return None


def check(scene: Scene) -> list[StepResult]:
    repo = scene.repo
    main_start = start_ref(scene, "refs/heads/main") or "main"
    answer = culprit(repo, main_start)
    return [_explored(repo, main_start), _tag(repo, answer), _back(scene, repo, main_start)]


def _explored(repo, main_start: str) -> StepResult:
    try:
        entries = list(repo.head.log())
    except Exception:
        entries = []
    for entry in entries:
        if (
            entry.message.startswith("checkout:")
            and entry.newhexsha != main_start
            and C.is_ancestor(repo, entry.newhexsha, main_start)
        ):
            return C.ok(
                "explored",
                Text(en="you visited `{c}`", ko="`{c}`에 다녀왔어요"),
                c=short(C.commit_of(repo, entry.newhexsha)),
            )
    return C.fail(
        "explored",
        Text(
            en="HEAD has not visited an older commit yet; `git log --oneline` lists them, "
            "`git checkout <sha>` goes there",
            ko="아직 과거 커밋에 가 보지 않았어요. `git log --oneline`으로 커밋을 보고 "
            "`git checkout <sha>`로 이동해 보세요",
        ),
    )


def _tag(repo, answer) -> StepResult:
    target = C.tag_target(repo, TAG)
    if target is None:
        return C.fail(
            "tag",
            Text(
                en="there is no tag `{t}` yet; when HEAD is at the commit that changed `lr`, "
                "run `git tag {t}`",
                ko="아직 `{t}` 태그가 없어요. `lr`을 바꾼 커밋에 HEAD가 있을 때 "
                "`git tag {t}` 하세요",
            ),
            t=TAG,
        )
    if answer is not None and target.hexsha == answer.hexsha:
        return C.ok(
            "tag",
            Text(
                en="`{t}` marks `{c}`: that commit changed `lr`",
                ko="`{t}`가 `{c}`를 가리켜요: 이 커밋이 `lr`을 바꿨어요",
            ),
            t=TAG,
            c=short(target),
        )
    now = C.option_at(repo, target.hexsha, CONFIG, "lr") or "-"
    before = (
        C.option_at(repo, target.parents[0].hexsha, CONFIG, "lr") if target.parents else None
    ) or "-"
    return C.fail(
        "tag",
        Text(
            en="`{t}` marks `{c}`, but there `lr` is `{now}` and was `{before}` in its parent: "
            "that commit did not change it. Move the tag with `git tag -f {t} <sha>`",
            ko="`{t}`가 `{c}`를 가리키는데, 거기서 `lr`은 `{now}`이고 부모 커밋에서도 `{before}`"
            "였어요: 이 커밋은 `lr`을 바꾸지 않았어요. `git tag -f {t} <sha>`로 옮기세요",
        ),
        t=TAG,
        c=short(target),
        now=now,
        before=before,
    )


def _back(scene: Scene, repo, main_start: str) -> StepResult:
    state = scene.root / ".git" / "HEAD"
    try:
        head = state.read_text(encoding="utf-8").strip()
    except OSError:
        head = ""
    if head != "ref: refs/heads/main":
        where = head.removeprefix("ref: refs/heads/") if head.startswith("ref:") else head[:7]
        return C.fail(
            "back",
            Text(
                en="HEAD is at `{w}`, not on `main`; `git switch main` takes you back",
                ko="HEAD가 `main`이 아니라 `{w}`에 있어요. `git switch main`으로 돌아오세요",
            ),
            w=where or "?",
        )
    tip = C.branch_tip(repo, "main")
    if tip is None or tip.hexsha != main_start:
        return C.fail(
            "back",
            Text(
                en="`main` moved to `{c}`; this exercise only looks around. "
                "`git reset --hard {s}` puts it back",
                ko="`main`이 `{c}`로 움직였어요. 이 연습은 둘러보기만 해요. "
                "`git reset --hard {s}`로 되돌리세요",
            ),
            c=short(tip),
            s=main_start[:7],
        )
    return C.ok("back", Text(en="you are back on `main`", ko="`main`으로 돌아왔어요"))


EXERCISE = Exercise(
    goal_reveals_answer=True,
    id="time-travel",
    track="basics",
    level=1,
    title=Text(en="Time travel to find a change", ko="과거로 가서 변경 찾기"),
    story=Text(
        en="Since last week the validation loss of the LSTM is worse, and the team suspects "
        "the learning rate. Nobody's commit message mentions `lr`, so you will visit older "
        "commits and look at `configs/default.yaml` as it was then.",
        ko="지난주부터 LSTM의 검증 손실이 나빠졌고, 팀은 학습률(`lr`)을 의심하고 있어요. "
        "커밋 메시지 어디에도 `lr` 얘기가 없으니, 과거 커밋으로 가서 그때의 "
        "`configs/default.yaml`을 직접 봐야 해요.",
    ),
    goal=Text(
        en="Tag `lr-change` is on the commit where `lr` changed, and HEAD is back on `main` "
        "(which did not move).",
        ko="`lr`이 바뀐 커밋에 `lr-change` 태그가 있고, HEAD는 움직이지 않은 `main`으로 "
        "돌아와 있어요.",
    ),
    steps=(
        Step(
            "explored",
            Text(
                en="Check out an older commit (detached HEAD)",
                ko="과거 커밋을 체크아웃해요(detached HEAD)",
            ),
        ),
        Step(
            "tag",
            Text(
                en="Tag the commit that changed `lr` as `lr-change`",
                ko="`lr`을 바꾼 커밋에 `lr-change` 태그를 달아요",
            ),
        ),
        Step("back", Text(en="Come back to `main`", ko="`main`으로 돌아와요")),
    ),
    hints=(
        Text(
            en="`git log --oneline` lists the commits; `git checkout <sha>` moves HEAD there "
            "(git calls it detached HEAD), and `grep lr configs/default.yaml` shows the value.",
            ko="`git log --oneline`으로 커밋 목록을 보고, `git checkout <sha>`로 HEAD를 옮겨요"
            "(detached HEAD라고 불러요). 값은 `grep lr configs/default.yaml`로 확인해요.",
        ),
        Text(
            en="`main~3` means three commits before main. Compare a commit with its parent: "
            "the culprit is the first one where `lr` differs.",
            ko="`main~3`은 main에서 세 커밋 전이에요. 커밋과 그 부모를 비교해서 `lr`이 처음 "
            "달라지는 커밋을 찾으세요.",
        ),
        Text(
            en="At the culprit: `git tag lr-change`, then `git switch main`. "
            "(`git log -G lr --oneline` would have found it too.)",
            ko="범인 커밋에서 `git tag lr-change`, 그다음 `git switch main` 하세요. "
            "(`git log -G lr --oneline`으로도 찾을 수 있어요.)",
        ),
    ),
    solution=(
        "git log --oneline",
        "git checkout main~4",
        "grep -n 'lr:' configs/default.yaml",
        "git checkout main~3",
        "grep -n 'lr:' configs/default.yaml",
        "git tag lr-change",
        "git switch main",
    ),
    setup=setup,
    check=check,
    tags=("checkout", "detached-head", "tag", "log"),
)
