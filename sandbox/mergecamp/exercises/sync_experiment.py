"""Exercise 4, sync-experiment: main moved on while ``exp/gru`` was running; merge main
into the experiment, keeping both sides' changes.

Judged by meaning: main's tip is in the branch, the branch's own commits are still
there (a rebase would rewrite them), both changes are in the config, and no merge kept
only one side (``git merge -s ours``).
"""

from __future__ import annotations

from mergecamp import checks as C
from mergecamp.engine import start_ref
from mergecamp.exercise import Exercise, Step, StepResult
from mergecamp.exercises._common import (
    CONFIG,
    change,
    missing_branch,
    project_repo,
    short,
    untouched,
)
from mergecamp.i18n import Text
from mergecamp.scene import Scene
from mergecamp.scripting import JUN, SORA, YOU, checkout

BRANCH = "exp/gru"
OURS = {"arch": "gru", "num_layers": "2"}
THEIRS = {"max_epochs": "30"}


def setup(scene: Scene) -> None:
    repo, clock = project_repo(scene)
    change(
        repo, scene, clock, JUN, "feat(data): longer sequences for the adding problem", seq_len=100
    )
    checkout(repo, BRANCH, create_from="main")
    change(repo, scene, clock, YOU, "feat(model): try a GRU instead of the LSTM", arch="gru")
    change(repo, scene, clock, YOU, "feat(model): stack two GRU layers", num_layers=2)
    checkout(repo, "main")
    change(
        repo,
        scene,
        clock,
        SORA,
        "feat(train): train for 30 epochs on the longer data",
        max_epochs=30,
    )
    checkout(repo, BRANCH)


def check(scene: Scene) -> list[StepResult]:
    repo = scene.repo
    main_start = start_ref(scene, "refs/heads/main") or "main"
    exp_start = start_ref(scene, f"refs/heads/{BRANCH}") or BRANCH
    if C.branch_tip(repo, BRANCH) is None:
        gone = missing_branch(
            "has-main",
            BRANCH,
            repo,
            Text(en="`mergecamp reset` starts over", ko="`mergecamp reset`으로 다시 시작하세요"),
        )
        return [
            gone,
            C.blocked("history-kept"),
            C.blocked("both"),
            untouched(scene, "main-untouched", "main"),
        ]
    return [
        _has_main(repo, main_start),
        _history(repo, exp_start),
        both_sides(repo, BRANCH, exp_start, OURS, THEIRS, "both"),
        untouched(scene, "main-untouched", "main"),
    ]


def _has_main(repo, main_start: str) -> StepResult:
    if C.is_ancestor(repo, main_start, BRANCH):
        return C.ok(
            "has-main",
            Text(
                en="`{b}` contains main's latest commit",
                ko="`{b}`에 main의 최신 커밋이 들어 있어요",
            ),
            b=BRANCH,
        )
    return C.fail(
        "has-main",
        Text(
            en="`{b}` does not contain main's latest commit `{m}` yet: on `{b}`, run "
            "`git merge main`",
            ko="`{b}`에 아직 main의 최신 커밋 `{m}`이 없어요. `{b}`에서 `git merge main` 하세요",
        ),
        b=BRANCH,
        m=short(C.commit_of(repo, main_start)),
    )


def _history(repo, exp_start: str) -> StepResult:
    if not C.is_ancestor(repo, exp_start, BRANCH):
        return C.fail(
            "history-kept",
            Text(
                en="`{b}` no longer contains its own commit `{c}`: its history was rewritten "
                "(a rebase or reset?). The story asks for a merge; `mergecamp reset` and "
                "`git merge main`",
                ko="`{b}`에 원래 커밋 `{c}`가 없어요. 히스토리가 다시 쓰였어요(리베이스나 "
                "reset?). 이 연습은 머지예요: `mergecamp reset` 후 `git merge main` 하세요",
            ),
            b=BRANCH,
            c=short(C.commit_of(repo, exp_start)),
        )
    if not C.merges_in(repo, exp_start, BRANCH):
        return C.fail(
            "history-kept",
            Text(
                en="`{b}` has no merge commit yet (`git merge main` makes one)",
                ko="`{b}`에 아직 머지 커밋이 없어요(`git merge main`으로 만들어요)",
            ),
            b=BRANCH,
        )
    return C.ok(
        "history-kept",
        Text(
            en="`{b}` keeps its commits and has a merge commit",
            ko="`{b}`는 자기 커밋을 그대로 두고 머지 커밋이 생겼어요",
        ),
        b=BRANCH,
    )


def both_sides(
    repo, branch: str, since: str, ours: dict[str, str], theirs: dict[str, str], step: str
) -> StepResult:
    """Both sides' option values are on ``branch``, and no merge since ``since`` dropped
    a side. Shared with finish-experiment and merge-conflict."""
    for merge in C.merges_in(repo, since, branch):
        if C.dropped_side(repo, merge):
            return C.fail(
                step,
                Text(
                    en="the merge `{c}` kept only one side: the other branch's changes are not "
                    "in it (that is what `git merge -s ours` does). `git reset --hard HEAD~1` "
                    "undoes it; merge again without `-s ours`",
                    ko="머지 `{c}`가 한쪽만 남겼어요: 다른 브랜치의 변경이 빠졌어요"
                    "(`git merge -s ours`가 그렇게 해요). `git reset --hard HEAD~1`로 되돌리고 "
                    "`-s ours` 없이 다시 머지하세요",
                ),
                c=short(merge),
            )
    broken = _config_problem(repo, branch)
    if broken is not None:
        return C.fail(step, broken)
    wrong = []
    for key, want in {**ours, **theirs}.items():
        have = C.option_at(repo, branch, CONFIG, key)
        if have != want:
            wrong.append(f"`{key}: {have or '-'}` ≠ `{want}`")
    if wrong:
        return C.fail(
            step,
            Text(
                en="on `{b}`, `{f}` lost a change: {w}. Both sides' changes must survive the merge",
                ko="`{b}`의 `{f}`에서 변경이 빠졌어요: {w}. 머지 후에도 양쪽 변경이 다 남아야 해요",
            ),
            b=branch,
            f=CONFIG,
            w="; ".join(wrong),
        )
    values = ", ".join(f"`{k}: {v}`" for k, v in {**ours, **theirs}.items())
    return C.ok(
        step,
        Text(en="`{b}` has both sides: {v}", ko="`{b}`에 양쪽 변경이 다 있어요: {v}"),
        b=branch,
        v=values,
    )


UNPARSED = Text(
    en="on `{b}`, `{f}` does not parse, so none of its values can be trusted: {p}",
    ko="`{b}`에 있는 `{f}` 설정이 YAML로 읽히지 않아서 어떤 값도 믿을 수 없어요: {p}",
)


def _config_problem(repo, branch: str) -> Text | None:
    """Why the config on ``branch`` does not parse (both sides' lines kept, markers
    committed), or None: then a missing value means a lost change, not a broken file."""
    from mergecamp.configs import ConfigError, load

    text = C.file_at(repo, branch, CONFIG)
    try:
        load(text or "")
    except ConfigError as err:
        fields = {"b": branch, "f": CONFIG}
        return Text(
            en=UNPARSED.en.format(**fields, p=err.message.en),
            ko=UNPARSED.ko.format(**fields, p=err.message.ko),
        )
    return None


EXERCISE = Exercise(
    id="sync-experiment",
    track="basics",
    level=2,
    title=Text(en="Bring main into your experiment", ko="실험 브랜치에 main 가져오기"),
    story=Text(
        en="Your `exp/gru` runs two GRU layers. Meanwhile Sora merged a change on main: "
        "30 epochs, now that the sequences are longer. Before comparing results, bring main "
        "into your experiment with a merge, so both runs train the same way.",
        ko="`exp/gru`에서 GRU 두 층을 돌리고 있어요. 그사이 소라가 main에 시퀀스가 길어졌으니 "
        "30 에포크로 늘리는 변경을 넣었어요. 결과를 비교하기 전에 main을 실험 브랜치로 "
        "머지해서 같은 조건으로 학습하게 맞춰요.",
    ),
    goal=Text(
        en="`exp/gru` has a merge commit that brings in main; its config has `arch: gru`, "
        "`num_layers: 2` and `max_epochs: 30`; main is untouched.",
        ko="`exp/gru`에 main을 가져온 머지 커밋이 있고, 설정에 `arch: gru`, `num_layers: 2`, "
        "`max_epochs: 30`이 다 있으며 main은 그대로예요.",
    ),
    steps=(
        Step(
            "has-main",
            Text(
                en="`exp/gru` contains main's latest commit",
                ko="`exp/gru`에 main의 최신 커밋이 들어 있어요",
            ),
        ),
        Step(
            "history-kept",
            Text(en="With a merge commit (no rebase)", ko="머지 커밋으로 해요(리베이스 말고)"),
        ),
        Step(
            "both",
            Text(
                en="Both changes survive: GRU ×2 and 30 epochs",
                ko="양쪽 변경이 다 남아요: GRU 두 층과 30 에포크",
            ),
        ),
        Step("main-untouched", Text(en="main stays as it was", ko="main은 그대로 둬요")),
    ),
    hints=(
        Text(
            en="`git log --oneline --graph --all` shows the two lines of history that split.",
            ko="`git log --oneline --graph --all`로 갈라진 두 히스토리를 볼 수 있어요.",
        ),
        Text(
            en="A merge brings the named branch into the one you are on. Stay on `exp/gru`.",
            ko="머지는 이름을 준 브랜치를 지금 있는 브랜치로 가져와요. `exp/gru`에 있어야 해요.",
        ),
        Text(
            en="`git merge main` (add `--no-edit` to keep the suggested message). The two "
            "changes touch different lines, so there is no conflict.",
            ko="`git merge main` 하세요(제안된 메시지를 그대로 쓰려면 `--no-edit`). 두 변경은 "
            "다른 줄이라 충돌이 나지 않아요.",
        ),
    ),
    solution=("git merge --no-edit main",),
    setup=setup,
    check=check,
    tags=("merge",),
    may_change=(f"refs/heads/{BRANCH}",),
    merges=((f"refs/heads/{BRANCH}", "refs/heads/main"),),
)
