"""bisect: one of twenty commits broke the model's tests; find it and tag it `culprit`."""

from __future__ import annotations

from mergecamp.checks import fail, ok, tag_target
from mergecamp.engine import start_ref
from mergecamp.exercise import Exercise, Step, StepResult
from mergecamp.exercises._common import package_dir, project_repo
from mergecamp.i18n import Text
from mergecamp.scene import Scene
from mergecamp.scripting import JUN, MINA, SORA, append_text, commit_all, replace_line, set_option
from mergecamp.state import read_state
from mergecamp.team.origin import commits, is_ancestor

ID = "bisect"
GOOD_TAG = "v0.1.0"
CULPRIT_TAG = "culprit"
CULPRIT_SUBJECT = "refactor(model): write swish with the fused tanh form"
STEPS = ("bisect-done", "tagged", "main-kept")

# (who, message, config option changes); None marks where the culprit goes.
_HISTORY: tuple[tuple[object, str, dict[str, str]] | None, ...] = (
    (JUN, "exp(config): widen the LSTM to 96 units", {"hidden_size": "96"}),
    (SORA, "exp(config): try dropout 0.1", {"dropout": "0.1"}),
    (MINA, "chore(config): train for 12 epochs", {"max_epochs": "12"}),
    (JUN, "exp(config): use the mean readout", {"readout": "mean"}),
    (SORA, "exp(config): raise the learning rate to 0.004", {"lr": "0.004"}),
    (MINA, "chore(config): longer sequences (60 steps)", {"seq_len": "60"}),
    (JUN, "exp(config): back to the last-state readout", {"readout": "last"}),
    (SORA, "exp(config): learn the initial state", {"learn_init": "true"}),
    (MINA, "chore(config): batch size 32", {"batch_size": "32"}),
    (JUN, "exp(config): two stacked layers", {"num_layers": "2"}),
    (SORA, "exp(config): dropout 0.2 between layers", {"dropout": "0.2"}),
    None,
    (MINA, "chore(config): train for 15 epochs", {"max_epochs": "15"}),
    (JUN, "exp(config): swish activation in the head", {"activation": "swish"}),
    (SORA, "exp(config): learning rate 0.003", {"lr": "0.003"}),
    (MINA, "chore(config): sequences of 50 steps again", {"seq_len": "50"}),
    (JUN, "exp(config): hidden size 128", {"hidden_size": "128"}),
    (SORA, "exp(config): dropout 0.1", {"dropout": "0.1"}),
    (MINA, "chore(config): batch size 64", {"batch_size": "64"}),
)


def setup(scene: Scene) -> None:
    repo, clock = project_repo(scene)
    repo.create_tag(GOOD_TAG)
    config = scene.root / "configs" / "default.yaml"
    for entry in _HISTORY:
        if entry is None:
            replace_line(
                package_dir(scene) / "models" / "activations.py",
                "return x * torch.sigmoid(x)",
                "return x * torch.tanh(torch.nn.functional.softplus(x))",
            )
            commit_all(repo, CULPRIT_SUBJECT, SORA, clock)
            continue
        who, message, options = entry
        for key, value in options.items():
            set_option(config, key, value)
        commit_all(repo, message, who, clock)  # type: ignore[arg-type]
    append_text(scene.root / "NOTES.md", "- The fast tests fail on main since last week.\n")
    commit_all(repo, "docs: note that the fast tests fail on main", MINA, clock)


def _culprit(scene: Scene) -> str | None:
    found = [c for c in commits(scene.root, "main") if c.subject == CULPRIT_SUBJECT]
    return found[0].sha if found else None


def check(scene: Scene) -> list[StepResult]:
    state = read_state(scene.root / ".git")
    results: list[StepResult] = []
    if state.operation == "bisect" or state.branch != "main":
        results.append(
            fail(
                "bisect-done",
                Text(
                    en=(
                        "{what}. When bisect has named the first bad commit, tag it, then "
                        "`git bisect reset` to come back to main."
                    ),
                    ko=(
                        "{what}. bisect가 처음 나빠진 커밋을 찾으면 태그를 붙이고 "
                        "`git bisect reset`으로 main에 돌아와요."
                    ),
                ),
                what="a bisect is still in progress"
                if state.operation == "bisect"
                else f"HEAD is on {state.branch or 'a detached commit'}, not main",
            )
        )
    else:
        results.append(
            ok(
                "bisect-done",
                Text(
                    en="Bisect is over; you are back on main.",
                    ko="bisect를 끝내고 main에 돌아왔어요.",
                ),
            )
        )
    culprit = _culprit(scene)
    tagged = tag_target(scene.repo, CULPRIT_TAG)
    if tagged is None:
        results.append(
            fail(
                "tagged",
                Text(
                    en=(
                        "There is no tag `culprit` yet. Find the commit: `git bisect start main "
                        "v0.1.0`, then `git bisect run python -m pytest tests/test_models.py -q`, "
                        "and `git tag culprit <sha>`."
                    ),
                    ko=(
                        "아직 `culprit` 태그가 없어요. `git bisect start main v0.1.0` 후 "
                        "`git bisect run python -m pytest tests/test_models.py -q`로 찾고 "
                        "`git tag culprit <sha>`를 해요."
                    ),
                ),
            )
        )
    elif culprit is not None and tagged.hexsha == culprit:
        results.append(
            ok(
                "tagged",
                Text(
                    en='`culprit` names {sha} "{subject}": the swish went wrong there.',
                    ko='`culprit`이 {sha} "{subject}"를 가리켜요: 거기서 swish가 잘못됐어요.',
                ),
                sha=culprit[:7],
                subject=CULPRIT_SUBJECT,
            )
        )
    else:
        before = culprit is not None and is_ancestor(scene.root, tagged.hexsha, culprit)
        results.append(
            fail(
                "tagged",
                Text(
                    en=(
                        '`culprit` points at {sha} "{subject}", but {why}. Move the tag: '
                        "`git tag -f culprit <sha>` once `git bisect` names the first bad commit."
                    ),
                    ko=(
                        '`culprit`이 {sha} "{subject}"를 가리키지만 {why_ko}. `git bisect`가 처음 '
                        "나빠진 커밋을 알려 주면 `git tag -f culprit <sha>`로 옮겨요."
                    ),
                ),
                sha=tagged.hexsha[:7],
                subject=tagged.summary,
                why="the tests still pass there" if before else "the tests already fail before it",
                why_ko="거기서는 테스트가 아직 통과해요"
                if before
                else "그보다 앞에서 이미 테스트가 실패해요",
            )
        )
    main_now = scene.repo.heads.main.commit.hexsha if "main" in scene.repo.heads else None
    if main_now == start_ref(scene, "refs/heads/main"):
        results.append(
            ok(
                "main-kept",
                Text(en="main is as the team left it.", ko="main은 팀이 둔 그대로예요."),
            )
        )
    else:
        results.append(
            fail(
                "main-kept",
                Text(
                    en=(
                        "main moved: bisect only looks, it should not change main. "
                        "`git switch main && git reset --hard ORIG_HEAD` if you know what "
                        "moved it, "
                        "or `mergecamp reset`."
                    ),
                    ko=(
                        "main이 바뀌었어요: bisect는 살펴보기만 하고 main을 바꾸지 않아요. "
                        "`mergecamp reset`으로 다시 시작해요."
                    ),
                ),
            )
        )
    return results


EXERCISE = Exercise(
    goal_reveals_answer=True,
    id=ID,
    track="team",
    level=4,
    title=Text(en="Find the breaking commit with bisect", ko="bisect로 범인 커밋 찾기"),
    story=Text(
        en=(
            "The fast tests pass at release v0.1.0, but fail on main twenty commits later, and "
            "nobody knows which commit did it (the failing test is "
            "`test_swish_is_x_times_sigmoid_x`, `-k swish` runs just it). Let `git bisect` "
            "walk the history with the "
            "project's own tests and tag the first bad commit `culprit` for the team."
        ),
        ko=(
            "릴리스 v0.1.0에서는 빠른 테스트가 통과했는데, 커밋 스무 개 뒤인 main에서는 실패해요. "
            "어떤 커밋이 그랬는지 아무도 몰라요 (실패하는 테스트는 "
            "`test_swish_is_x_times_sigmoid_x`이고, `-k swish`로 그것만 돌릴 수 있어요). "
            "프로젝트 테스트로 `git bisect`가 히스토리를 "
            "뒤지게 하고, 처음 나빠진 커밋에 `culprit` 태그를 달아 팀에 알려요."
        ),
    ),
    goal=Text(
        en=(
            "The tag `culprit` names the first commit whose tests "
            "fail, bisect is over, main unchanged."
        ),
        ko=(
            "`culprit` 태그가 테스트가 처음 실패하는 커밋을 가리키고, bisect는 "
            "끝났고, main은 그대로예요."
        ),
    ),
    steps=(
        Step(
            "bisect-done",
            Text(
                en="`git bisect start main v0.1.0`, and when done `git bisect reset`.",
                ko="`git bisect start main v0.1.0`, 다 끝나면 `git bisect reset`.",
            ),
        ),
        Step(
            "tagged",
            Text(
                en=(
                    "`git bisect run python -m pytest tests/test_models.py -q "
                    "-k swish`, then `git tag culprit <first bad sha>`."
                ),
                ko=(
                    "`git bisect run python -m pytest tests/test_models.py -q "
                    "-k swish` 후 `git tag culprit <처음 나빠진 sha>`."
                ),
            ),
        ),
        Step("main-kept", Text(en="Leave main as it is.", ko="main은 그대로 둬요.")),
    ),
    hints=(
        Text(
            en=(
                "`git bisect run <cmd>` marks each commit good (exit 0) or "
                "bad (exit 1-127) by itself."
            ),
            ko="`git bisect run <명령>`은 종료 코드로 good(0)/bad(1~127)를 알아서 표시해요.",
        ),
        Text(
            en=(
                'At the end bisect prints "<sha> is the first bad commit"; `refs/bisect/bad` '
                "points at it."
            ),
            ko=(
                '끝나면 "<sha> is the first bad commit"이 나와요. `refs/bisect/bad`가 그 '
                "커밋을 가리켜요."
            ),
        ),
        Text(
            en=(
                "Tag before `git bisect reset`, or copy the sha first: reset "
                "forgets refs/bisect/bad."
            ),
            ko=(
                "`git bisect reset` 전에 태그를 달거나 sha를 적어 둬요: reset하면 "
                "refs/bisect/bad가 사라져요."
            ),
        ),
    ),
    solution=(
        f"git bisect start main {GOOD_TAG}",
        "git bisect run python -m pytest tests/test_models.py -q -x -p no:cacheprovider "
        "--noconftest -k swish",
        f"git tag {CULPRIT_TAG} refs/bisect/bad",
        "git bisect reset",
    ),
    setup=setup,
    check=check,
    tags=("bisect", "tests"),
)
