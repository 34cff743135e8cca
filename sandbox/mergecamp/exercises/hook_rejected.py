"""hook-rejected: the conventions hooks refuse a commit; fix the branch and the message.

The exercise repository gets the project's conventions hooks as real git hooks
(pre-commit: branch name and artifacts; commit-msg: Conventional Commits), calling
``mergecamp_hooks`` with this Python, so the learner reads the hooks' own lessons.
"""

from __future__ import annotations

import shlex
import stat
import sys
from pathlib import Path

from mergecamp.checks import blocked, fail, ok
from mergecamp.engine import start_ref
from mergecamp.exercise import Exercise, Step, StepResult
from mergecamp.exercises._common import CONFIG, project_repo
from mergecamp.i18n import Text
from mergecamp.scene import Scene
from mergecamp.scripting import set_option
from mergecamp.state import read_state
from mergecamp.team import conventions
from mergecamp.team.origin import commits

ID = "hook-rejected"
START_BRANCH = "MySwishTest"
STEPS = ("branch", "committed", "message")

_HOOKS = {
    "pre-commit": (
        "{py} -m mergecamp_hooks.branch_name --hook pre-commit || exit 1\n"
        "exec {py} -m mergecamp_hooks.no_artifacts\n"
    ),
    # Once a message is accepted, mergecamp.hooklog notes it: a learner commit whose
    # message is not in that log skipped the hooks (the hooks-intact invariant).
    "commit-msg": (
        '{py} -m mergecamp_hooks.commit_msg "$1" || exit 1\nexec {py} -m mergecamp.hooklog "$1"\n'
    ),
}


def install_convention_hooks(root: Path) -> None:
    """Write pre-commit and commit-msg hooks that run the conventions hooks."""
    hooks = root / ".git" / "hooks"
    hooks.mkdir(parents=True, exist_ok=True)
    for name, body in _HOOKS.items():
        path = hooks / name
        path.write_text(
            "#!/bin/sh\n# mergecamp: the team's conventions (mergecamp_hooks)\n"
            + body.format(py=shlex.quote(sys.executable)),
            encoding="utf-8",
        )
        path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)


def setup(scene: Scene) -> None:
    repo, _clock = project_repo(scene)
    repo.git.checkout("-q", "-b", START_BRANCH)
    set_option(scene.root / CONFIG, "activation", "swish")
    repo.git.add(CONFIG)
    install_convention_hooks(scene.root)


def check(scene: Scene) -> list[StepResult]:
    state = read_state(scene.root / ".git")
    branch = state.branch
    main = start_ref(scene, "refs/heads/main") or "main"
    results: list[StepResult] = []
    problem = conventions.branch_problem(branch) if branch else None
    if branch is None or branch == "main" or problem is not None:
        results.append(
            fail(
                "branch",
                Text(
                    en=(
                        "You are on `{b}`, which the team's hook refuses for commits. Rename it: "
                        "`git branch -m {new}`."
                    ),
                    ko=(
                        "지금 `{b}`에 있는데 팀 훅이 이 브랜치에서는 커밋을 막아요. "
                        "`git branch -m {new}`로 이름을 바꿔요."
                    ),
                ),
                b=branch or "a detached HEAD",
                new=conventions.suggest_branch(branch or START_BRANCH),
            )
        )
        return [*results, blocked("committed"), blocked("message")]
    results.append(
        ok(
            "branch",
            Text(en="`{b}` follows the convention.", ko="`{b}`는 규칙에 맞아요."),
            b=branch,
        )
    )
    own = commits(scene.root, f"{main}..HEAD", CONFIG)
    if not own:
        results.append(
            fail(
                "committed",
                Text(
                    en=(
                        "The swish change is still not committed. "
                        '`git commit -m "exp(model): try the swish activation"`.'
                    ),
                    ko=(
                        "swish 변경이 아직 커밋되지 않았어요. "
                        '`git commit -m "exp(model): swish 활성화 함수 시도"`를 해요.'
                    ),
                ),
            )
        )
        return [*results, blocked("message")]
    results.append(
        ok("committed", Text(en="The swish change is committed.", ko="swish 변경을 커밋했어요."))
    )
    bad = [
        c for c in commits(scene.root, f"{main}..HEAD") if conventions.message_problem(c.subject)
    ]
    if bad:
        results.append(
            fail(
                "message",
                Text(
                    en=(
                        '"{s}" is not conventional: it got past the hook (`--no-verify`?). '
                        'Fix it: `git commit --amend -m "exp(model): try the swish activation"`.'
                    ),
                    ko=(
                        '"{s}"는 규칙에 맞지 않아요: 훅을 건너뛰었나요(`--no-verify`)? '
                        '`git commit --amend -m "exp(model): swish 활성화 함수 시도"`로 고쳐요.'
                    ),
                ),
                s=bad[0].subject,
            )
        )
    else:
        results.append(
            ok(
                "message",
                Text(en="Every message is conventional.", ko="모든 메시지가 규칙에 맞아요."),
            )
        )
    return results


EXERCISE = Exercise(
    id=ID,
    track="team",
    level=9,
    title=Text(en="When the hook says no", ko="훅이 커밋을 막을 때"),
    story=Text(
        en=(
            "You staged a swish activation to try on branch `MySwishTest`, and this repository "
            'runs the team\'s conventions hooks. Commit it with `git commit -m "changed stuff"`, '
            "read what the hooks say, and fix what they ask for."
        ),
        ko=(
            "`MySwishTest` 브랜치에 swish 활성화 함수 변경을 스테이징해 뒀고, 이 저장소에는 "
            "팀 규칙 훅이 "
            '설치돼 있어요. `git commit -m "changed stuff"`로 커밋해 보고, 훅이 하는 말을 읽고 '
            "요청대로 고쳐요."
        ),
    ),
    goal=Text(
        en=(
            "The change is committed on a `<type>/<topic>` branch "
            "with a conventional message, hooks untouched."
        ),
        ko=("`<type>/<topic>` 브랜치에 규칙에 맞는 메시지로 커밋돼 있고, 훅은 그대로예요."),
    ),
    steps=(
        Step(
            "branch",
            Text(
                en="Rename the branch the way the hook says.",
                ko="훅이 알려 준 대로 브랜치 이름을 바꿔요.",
            ),
        ),
        Step(
            "committed",
            Text(en="Commit the staged change.", ko="스테이징된 변경을 커밋해요."),
        ),
        Step(
            "message",
            Text(
                en="Use a conventional message (no `--no-verify`).",
                ko="규칙에 맞는 메시지를 써요 (`--no-verify` 없이).",
            ),
        ),
    ),
    hints=(
        Text(
            en="Each hook message ends with the exact command that fixes it.",
            ko="훅 메시지 끝에 바로 고치는 명령이 나와요.",
        ),
        Text(
            en="`git branch -m <new-name>` renames the current branch.",
            ko="`git branch -m <새 이름>`은 지금 브랜치 이름을 바꿔요.",
        ),
    ),
    solution=(
        "git branch -m exp/swish-activation",
        'git commit -m "exp(model): try the swish activation"',
    ),
    setup=setup,
    check=check,
    tags=("hooks", "conventions"),
    # `git branch -m` renames the start branch away; the staged change must survive.
    may_change=(f"refs/heads/{START_BRANCH}",),
    keeps=(CONFIG,),
)
