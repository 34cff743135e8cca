"""Exercise 3, experiment-branch: start ``exp/gru`` from main, switch the network from
LSTM to GRU there, commit; main stays as it was.

The check compares the config on the branch with main's, option by option, so "change
only the layer type" is judged by meaning: any other option that moved is named.
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
from mergecamp.scripting import JUN, SORA

BRANCH = "exp/gru"
OPTIONS = (
    "hidden_size",
    "num_layers",
    "bidirectional",
    "dropout",
    "activation",
    "readout",
    "lr",
    "max_epochs",
    "seq_len",
    "batch_size",
)


def setup(scene: Scene) -> None:
    repo, clock = project_repo(scene)
    change(
        repo, scene, clock, JUN, "feat(data): longer sequences for the adding problem", seq_len=100
    )
    change(repo, scene, clock, SORA, "feat(train): train for 20 epochs", max_epochs=20)


def check(scene: Scene) -> list[StepResult]:
    repo = scene.repo
    main_start = start_ref(scene, "refs/heads/main") or "main"
    results = [_branch(repo, main_start)]
    results.append(_gru(repo, main_start) if results[0].passed else C.blocked("gru"))
    results.append(untouched(scene, "main-untouched", "main"))
    return results


def _branch(repo, main_start: str) -> StepResult:
    if C.branch_tip(repo, BRANCH) is None:
        return missing_branch(
            "branch",
            BRANCH,
            repo,
            Text(
                en="create it from main with `git switch -c exp/gru main`",
                ko="`git switch -c exp/gru main`으로 main에서 만드세요",
            ),
        )
    if not C.is_ancestor(repo, main_start, BRANCH):
        return C.fail(
            "branch",
            Text(
                en="`{b}` does not start from main's latest commit `{m}`; delete it "
                "(`git branch -D {b}`) and create it again from main",
                ko="`{b}`가 main의 최신 커밋 `{m}`에서 시작하지 않았어요. 지우고"
                "(`git branch -D {b}`) main에서 다시 만드세요",
            ),
            b=BRANCH,
            m=short(C.commit_of(repo, main_start)),
        )
    return C.ok(
        "branch", Text(en="`{b}` starts from main", ko="`{b}`는 main에서 시작해요"), b=BRANCH
    )


def _gru(repo, main_start: str) -> StepResult:
    new = C.new_commits(repo, main_start, BRANCH)
    if not new:
        return C.fail(
            "gru",
            Text(
                en="`{b}` has no commit of its own yet: edit `arch:` in `{f}`, then "
                '`git commit -am "feat(model): try a GRU"`',
                ko="`{b}`에 아직 자기 커밋이 없어요. `{f}`의 `arch:`를 고치고 "
                '`git commit -am "feat(model): try a GRU"` 하세요',
            ),
            b=BRANCH,
            f=CONFIG,
        )
    arch = C.option_at(repo, BRANCH, CONFIG, "arch")
    if arch != "gru":
        return C.fail(
            "gru",
            Text(
                en="on `{b}`, `arch` in `{f}` is `{v}`, not `gru`; `git status` shows whether "
                "your edit is still uncommitted",
                ko="`{b}`에서 `{f}`의 `arch`가 `gru`가 아니라 `{v}`예요. 수정한 게 아직 커밋 "
                "안 됐는지 `git status`로 확인하세요",
            ),
            b=BRANCH,
            f=CONFIG,
            v=arch or "-",
        )
    moved = [
        key
        for key in OPTIONS
        if C.option_at(repo, BRANCH, CONFIG, key) != C.option_at(repo, main_start, CONFIG, key)
    ]
    if moved:
        return C.fail(
            "gru",
            Text(
                en="`{b}` also changes {keys}: an experiment changes one thing. Put them back "
                "and `git commit --amend`",
                ko="`{b}`가 {keys}도 바꿨어요. 실험은 한 가지만 바꿔요. 되돌리고 "
                "`git commit --amend` 하세요",
            ),
            b=BRANCH,
            keys=", ".join(f"`{k}`" for k in moved),
        )
    return C.ok(
        "gru",
        Text(
            en="`{b}` switches `arch` to `gru` and changes nothing else",
            ko="`{b}`는 `arch`만 `gru`로 바꿨어요",
        ),
        b=BRANCH,
    )


EXERCISE = Exercise(
    id="experiment-branch",
    track="basics",
    level=1,
    title=Text(en="Start an experiment branch", ko="실험 브랜치 만들기"),
    story=Text(
        en="Jun thinks a GRU would learn the adding problem as well as the LSTM with fewer "
        "parameters. Before anyone's main breaks, try it on a branch of its own, the way "
        "CONTRIBUTING.md asks: `exp/<idea>`.",
        ko="준은 GRU가 파라미터는 더 적으면서 LSTM만큼 adding 문제를 잘 배울 거라고 "
        "생각해요. main을 건드리기 전에 팀 규칙대로 `exp/<아이디어>` 브랜치에서 "
        "먼저 시험해 봐요.",
    ),
    goal=Text(
        en="Branch `exp/gru` starts from main and has a commit that sets `arch: gru` in "
        "`configs/default.yaml` (nothing else); main did not move.",
        ko="main에서 시작한 `exp/gru` 브랜치에 `configs/default.yaml`의 `arch: gru`만 바꾼 "
        "커밋이 있고, main은 그대로예요.",
    ),
    steps=(
        Step("branch", Text(en="Create `exp/gru` from main", ko="main에서 `exp/gru`를 만들어요")),
        Step(
            "gru",
            Text(
                en="On `exp/gru`, commit `arch: gru` (and nothing else)",
                ko="`exp/gru`에 `arch: gru` 변경만 커밋해요",
            ),
        ),
        Step("main-untouched", Text(en="main stays as it was", ko="main은 그대로 둬요")),
    ),
    hints=(
        Text(
            en="`git switch -c exp/gru` creates the branch where you are and moves onto it; "
            "`git branch` shows where you are.",
            ko="`git switch -c exp/gru`는 지금 위치에 브랜치를 만들고 그리로 옮겨 가요. "
            "현재 브랜치는 `git branch`로 봐요.",
        ),
        Text(
            en="In `configs/default.yaml`, change the line `arch: lstm` to `arch: gru` and keep "
            "the comment after it if you like.",
            ko="`configs/default.yaml`에서 `arch: lstm` 줄을 `arch: gru`로 바꾸세요. 뒤의 "
            "주석은 그대로 둬도 돼요.",
        ),
        Text(
            en='`git commit -am "feat(model): try a GRU instead of the LSTM"` commits it on '
            "the branch; `git log --oneline --graph --all` shows main left behind.",
            ko='`git commit -am "feat(model): try a GRU instead of the LSTM"`로 브랜치에 '
            "커밋해요. `git log --oneline --graph --all`로 main이 그대로인지 확인하세요.",
        ),
    ),
    solution=(
        "git switch -c exp/gru main",
        "perl -pi -e 's/^(\\s*arch:) lstm\\b/$1 gru /' configs/default.yaml",
        'git commit -am "feat(model): try a GRU instead of the LSTM"',
    ),
    setup=setup,
    check=check,
    tags=("branch", "switch", "commit"),
)
