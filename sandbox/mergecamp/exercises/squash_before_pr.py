"""squash-before-pr: four "wip" commits become one meaningful commit before the PR."""

from __future__ import annotations

from mergecamp.checks import blocked, fail, ok
from mergecamp.exercise import Exercise, Step, StepResult
from mergecamp.gitcmd import git
from mergecamp.i18n import Text
from mergecamp.scene import Scene
from mergecamp.scripting import YOU, Clock, commit_all, set_option
from mergecamp.state import read_state
from mergecamp.team import conventions
from mergecamp.team import origin as origin_mod
from mergecamp.team.checking import preflight, remember_scripted
from mergecamp.team.world import CONFIG, publish, recall, remember, seed

ID = "squash-before-pr"
BRANCH = "exp/swish"
STEPS = ("squashed", "message", "pushed")
_WIP = (
    ("wip", {"activation": "swish"}),
    ("wip 2", {"dropout": "0.1"}),
    ("fix typo", {"dropout": "0.05"}),
    ("more", {"hidden_size": "80"}),
)


def setup(scene: Scene) -> None:
    import git as gitpython

    clock = Clock()
    origin = publish(scene, seed(scene, clock))
    learner = gitpython.Repo(scene.root)
    learner.git.checkout("-q", "-b", BRANCH)
    for message, options in _WIP:
        for key, value in options.items():
            set_option(scene.root / CONFIG, key, value)
        commit_all(learner, message, YOU, clock)
    remember(
        origin,
        main=git(origin, "rev-parse", "refs/heads/main"),
        tree=learner.head.commit.tree.hexsha,
    )
    learner.close()
    remember_scripted(origin)


def check(scene: Scene) -> list[StepResult]:
    origin = scene.origin
    early = preflight(origin, STEPS, scene.root)
    if early:
        return early
    assert origin is not None
    facts = recall(origin)
    state = read_state(scene.root / ".git")
    tip = origin_mod.ref(scene.root, f"refs/heads/{BRANCH}")
    own = origin_mod.commits(scene.root, f"{facts['main']}..{tip}") if tip else []
    tree = git(scene.root, "rev-parse", f"{tip}^{{tree}}", check=False) if tip else ""
    if state.operation == "rebase" or tip is None or len(own) != 1 or tree != facts["tree"]:
        if state.operation == "rebase":
            what = Text(en="a rebase is still in progress", ko="리베이스가 아직 진행 중이에요")
        elif tip is None:
            what = Text(en=f"`{BRANCH}` is gone", ko=f"`{BRANCH}` 브랜치가 없어요")
        elif len(own) != 1:
            what = Text(
                en=f"`{BRANCH}` has {len(own)} commits on top of main, not one",
                ko=f"`{BRANCH}`에 main 위로 커밋이 한 개가 아니라 {len(own)}개 있어요",
            )
        else:
            what = Text(
                en="the squashed commit does not hold exactly the four wip commits' changes",
                ko="합친 커밋에 wip 커밋 네 개의 변경이 정확히 들어 있지 않아요",
            )
        return [
            fail(
                "squashed",
                Text(
                    en=f"{what.en}. Squash with `git rebase -i main`: keep the first line "
                    "`pick`, mark the others `fixup` (or `squash`).",
                    ko=f"{what.ko}. `git rebase -i main`에서 첫 줄은 `pick`, 나머지는 `fixup`"
                    "(또는 `squash`)으로 바꿔 합쳐요.",
                ),
            ),
            *(blocked(s) for s in STEPS[1:]),
        ]
    results = [
        ok(
            "squashed",
            Text(
                en="One commit on top of main holds all four changes.",
                ko="main 위의 커밋 하나에 변경 네 개가 모두 들어 있어요.",
            ),
        )
    ]
    message = git(scene.root, "log", "-1", "--format=%B", tip)
    problem = conventions.message_problem(message)
    if problem is None:
        results.append(
            ok(
                "message",
                Text(en='"{s}" is a conventional message.', ko='"{s}"는 규칙에 맞는 메시지예요.'),
                s=own[0].subject,
            )
        )
    else:
        results.append(
            fail(
                "message",
                Text(
                    en=(
                        '"{s}" is not a conventional message. '
                        '`git commit --amend -m "exp(model): try the swish activation"`.'
                    ),
                    ko=(
                        '"{s}"는 규칙에 맞지 않아요. '
                        '`git commit --amend -m "exp(model): swish 활성화 함수 시도"`를 해요.'
                    ),
                ),
                s=own[0].subject,
            )
        )
    remote = origin_mod.ref(origin, f"refs/heads/{BRANCH}")
    if remote == tip:
        results.append(
            ok(
                "pushed",
                Text(en="origin has the clean branch.", ko="origin에 정리된 브랜치가 있어요."),
            )
        )
    else:
        results.append(
            fail(
                "pushed",
                Text(
                    en="origin does not have the squashed branch yet: `git push -u origin {b}`.",
                    ko="origin에 아직 정리된 브랜치가 없어요: `git push -u origin {b}`.",
                ),
                b=BRANCH,
            )
        )
    return results


EXERCISE = Exercise(
    id=ID,
    track="team",
    level=7,
    team_folder=f"{ID}-team",
    title=Text(en="Squash before the PR", ko="PR 전에 커밋 합치기"),
    story=Text(
        en=(
            'Your `exp/swish` branch works, but its history reads "wip", "wip 2", "fix typo", '
            '"more". Before the team reviews it (origin is in `../squash-before-pr-team`), make it '
            "one commit that says what it does, then push it."
        ),
        ko=(
            '`exp/swish` 브랜치는 잘 돌아가는데 히스토리가 "wip", "wip 2", "fix typo", "more"예요. '
            "팀 리뷰 전에(origin은 `../squash-before-pr-team`) 무엇을 하는지 말해 주는 커밋 하나로 "
            "합치고 푸시해요."
        ),
    ),
    goal=Text(
        en=("`exp/swish` is one conventional commit on top of main with all the changes, pushed."),
        ko=("`exp/swish`가 main 위에 모든 변경을 담은 규칙에 맞는 커밋 하나이고, 푸시돼 있어요."),
    ),
    steps=(
        Step(
            "squashed",
            Text(
                en="`git rebase -i main`: `pick` the first, `fixup` the rest.",
                ko="`git rebase -i main`: 첫 커밋은 `pick`, 나머지는 `fixup`.",
            ),
        ),
        Step(
            "message",
            Text(
                en="Give it a conventional message (`git commit --amend`).",
                ko="규칙에 맞는 메시지를 붙여요 (`git commit --amend`).",
            ),
        ),
        Step(
            "pushed",
            Text(en="`git push -u origin exp/swish`.", ko="`git push -u origin exp/swish`."),
        ),
    ),
    hints=(
        Text(
            en="`fixup` melts a commit into the one above it and drops its message.",
            ko="`fixup`은 커밋을 바로 위 커밋에 녹이고 메시지는 버려요.",
        ),
        Text(
            en=(
                "Without an editor: GIT_SEQUENCE_EDITOR=\"sed -i '2,\\$s/^pick/fixup/'\" "
                "git rebase -i main."
            ),
            ko=(
                "편집기 없이: GIT_SEQUENCE_EDITOR=\"sed -i '2,\\$s/^pick/fixup/'\" "
                "git rebase -i main."
            ),
        ),
        Text(
            en="`git rebase --abort` takes you back if the rebase goes wrong.",
            ko="리베이스가 꼬이면 `git rebase --abort`로 돌아가요.",
        ),
    ),
    solution=(
        "GIT_SEQUENCE_EDITOR=\"sed -i '2,\\$s/^pick/fixup/'\" git rebase -i main",
        'git commit --amend -m "exp(model): try the swish activation with light dropout"',
        "git push -u origin exp/swish",
    ),
    setup=setup,
    check=check,
    tags=("rebase", "squash"),
    may_rewrite=(f"refs/heads/{BRANCH}",),
)
