"""clone-and-push: clone the team's repository, change the model on a branch, push it."""

from __future__ import annotations

from pathlib import Path

from mergecamp.checks import blocked, fail, ok
from mergecamp.exercise import Exercise, Step, StepResult
from mergecamp.gitcmd import git
from mergecamp.i18n import Text
from mergecamp.scene import Scene
from mergecamp.scripting import JUN, Clock, commit_all, set_option
from mergecamp.team import conventions
from mergecamp.team import origin as origin_mod
from mergecamp.team.checking import preflight
from mergecamp.team.world import (
    CONFIG,
    MINA_T,
    learner_commits,
    publish,
    recall,
    remember,
    seed,
)

ID = "clone-and-push"
ORIGIN_URL = f"../{ID}-team/origin.git"
STEPS = ("cloned", "branch", "pushed", "upstream")


def setup(scene: Scene) -> None:
    clock = Clock()
    repo = seed(scene, clock)
    set_option(Path(repo.working_tree_dir or "") / CONFIG, "lr", "0.002")
    commit_all(repo, "exp(config): lower the learning rate to 0.002", JUN, clock)
    origin = publish(scene, repo, learner_clone=False, teammates=(MINA_T,))
    remember(origin, main=git(origin, "rev-parse", "refs/heads/main"))


def _find_clone(root: Path, origin: Path) -> Path | None:
    """The learner's clone: a repository inside ``root`` whose origin is the team's."""
    for child in sorted(root.iterdir()) if root.is_dir() else []:
        if (child / ".git").exists() and origin_mod.remote_path(child) == origin.resolve():
            return child
    return None


def check(scene: Scene) -> list[StepResult]:
    origin = scene.origin
    early = preflight(origin, STEPS)
    if early:
        return early
    assert origin is not None
    clone = _find_clone(scene.root, origin)
    if clone is None:
        return [
            fail(
                "cloned",
                Text(
                    en=(
                        "There is no clone of the team's repository in {root} yet. "
                        "Try `git clone {url} sequence-lab`."
                    ),
                    ko=(
                        "{root}에 아직 팀 저장소의 클론이 없어요. "
                        "`git clone {url} sequence-lab`을 해 봐요."
                    ),
                ),
                root=scene.root,
                url=ORIGIN_URL,
            ),
            *(blocked(s) for s in STEPS[1:]),
        ]
    results = [
        ok(
            "cloned",
            Text(
                en="You cloned the team's repository into {path}.",
                ko="팀 저장소를 {path}에 클론했어요.",
            ),
            path=clone.name,
        )
    ]
    base = recall(origin).get("main", "origin/main")
    branch = _work_branch(clone, base)
    if branch is None:
        results.append(
            fail(
                "branch",
                Text(
                    en=(
                        "No branch besides `main` has a commit of yours yet. Start one: "
                        "`git switch -c exp/gru`, set `arch: gru` in configs/default.yaml, "
                        'then `git commit -am "exp(model): try a GRU"`.'
                    ),
                    ko=(
                        "`main` 말고 내 커밋이 있는 브랜치가 아직 없어요. "
                        "`git switch -c exp/gru`로 시작해서 configs/default.yaml의 `arch: gru`로 "
                        '바꾸고 `git commit -am "exp(model): try a GRU"`를 해요.'
                    ),
                ),
            )
        )
        return [*results, blocked("pushed"), blocked("upstream")]
    name_problem = conventions.branch_problem(branch)
    bad_messages = [
        c.subject
        for c in learner_commits(clone, f"{base}..{branch}")
        if conventions.message_problem(c.subject) is not None
    ]
    if name_problem is not None:
        results.append(
            fail(
                "branch",
                Text(
                    en=(
                        "Your branch `{branch}` does not follow `<type>/<topic>`. "
                        "Rename it: `git branch -m {branch} {new}`."
                    ),
                    ko=(
                        "브랜치 `{branch}`가 `<type>/<topic>` 규칙에 맞지 않아요. "
                        "`git branch -m {branch} {new}`로 이름을 바꿔요."
                    ),
                ),
                branch=branch,
                new=conventions.suggest_branch(branch),
            )
        )
    elif bad_messages:
        results.append(
            fail(
                "branch",
                Text(
                    en=(
                        'The commit "{subject}" is not a conventional message. Fix it with '
                        '`git commit --amend -m "exp(model): try a GRU"` (before pushing).'
                    ),
                    ko=(
                        '커밋 "{subject}"이 Conventional Commits 형식이 아니에요. 푸시 전에 '
                        '`git commit --amend -m "exp(model): try a GRU"`로 고쳐요.'
                    ),
                ),
                subject=bad_messages[0],
            )
        )
    elif (arch := _arch(clone, branch)) != "gru":
        results.append(
            StepResult(
                "branch",
                False,
                Text(
                    en=(
                        "`{branch}` has your commits, but `configs/default.yaml` there still "
                        "says `arch: {arch}`: the team wants to know about a GRU. On `{branch}`, "
                        'set `arch: gru`, then `git commit -am "exp(model): try a GRU"`.'
                    ),
                    ko=(
                        "`{branch}` 브랜치에 내 커밋은 있지만 거기 `configs/default.yaml`은 아직 "
                        "`arch: {arch}` 그대로예요: 팀은 GRU 결과가 궁금해요. "
                        "`{branch}` 브랜치에서 `arch: gru`로 바꾸고 "
                        '`git commit -am "exp(model): try a GRU"` 하세요.'
                    ),
                ).format(branch=branch, arch=arch or "?"),
                code="arch-not-gru",
            )
        )
    else:
        results.append(
            ok(
                "branch",
                Text(
                    en="`{branch}` is well named and its commits are conventional.",
                    ko="`{branch}` 이름도 좋고 커밋 메시지도 규칙에 맞아요.",
                ),
                branch=branch,
            )
        )
    results.append(_pushed(origin, clone, branch))
    results.append(_upstream(clone, branch))
    return results


def _arch(clone: Path, branch: str) -> str | None:
    """The network the config on ``branch`` trains (the story asks for a GRU)."""
    from mergecamp.scripting import read_option

    return read_option(origin_mod.show_file(clone, branch, CONFIG) or "", "arch")


def _work_branch(clone: Path, base: str) -> str | None:
    """The learner's branch: the current one if it has their commits, else the first."""
    current = git(clone, "symbolic-ref", "--quiet", "--short", "HEAD", check=False)
    names = git(clone, "for-each-ref", "--format=%(refname:short)", "refs/heads").split()
    ordered = ([current] if current in names else []) + [n for n in names if n != current]
    for name in ordered:
        if name != "main" and learner_commits(clone, f"{base}..{name}"):
            return name
    return None


def _pushed(origin: Path, clone: Path, branch: str) -> StepResult:
    if origin_mod.ref(origin, "refs/heads/main") != recall(origin).get("main"):
        return fail(
            "pushed",
            Text(
                en=(
                    "origin's `main` changed: something was pushed straight to main. The team "
                    "only changes main through PRs. `mergecamp reset` and push your branch instead."
                ),
                ko=(
                    "origin의 `main`이 바뀌었어요: main에 바로 푸시했어요. 팀은 main을 PR로만 "
                    "바꿔요. `mergecamp reset` 후 내 브랜치를 푸시해요."
                ),
            ),
        )
    local = origin_mod.ref(clone, f"refs/heads/{branch}")
    remote = origin_mod.ref(origin, f"refs/heads/{branch}")
    if remote is None:
        return fail(
            "pushed",
            Text(
                en="origin has no `{branch}` yet. Push it: `git push -u origin {branch}`.",
                ko="origin에 아직 `{branch}`가 없어요. `git push -u origin {branch}`로 푸시해요.",
            ),
            branch=branch,
        )
    if remote != local:
        return fail(
            "pushed",
            Text(
                en=(
                    "origin's `{branch}` is at {remote}, your branch at {local}. Push again: "
                    "`git push`."
                ),
                ko=(
                    "origin의 `{branch}`는 {remote}, 내 브랜치는 {local}에 있어요. "
                    "`git push`로 다시 푸시해요."
                ),
            ),
            branch=branch,
            remote=remote[:7],
            local=(local or "?")[:7],
        )
    return ok(
        "pushed",
        Text(
            en="origin has `{branch}` with your commits.",
            ko="origin에 내 커밋이 담긴 `{branch}`가 있어요.",
        ),
        branch=branch,
    )


def _upstream(clone: Path, branch: str) -> StepResult:
    remote = git(clone, "config", f"branch.{branch}.remote", check=False)
    merge = git(clone, "config", f"branch.{branch}.merge", check=False)
    if remote == "origin" and merge == f"refs/heads/{branch}":
        return ok(
            "upstream",
            Text(
                en="`{branch}` tracks `origin/{branch}`: plain `git push` and `git pull` work now.",
                ko=(
                    "`{branch}`가 `origin/{branch}`를 추적해요: 이제 `git push`, `git pull`만 "
                    "쳐도 돼요."
                ),
            ),
            branch=branch,
        )
    return fail(
        "upstream",
        Text(
            en=(
                "`{branch}` has no upstream, so `git status` cannot say how far it is from "
                "origin. Set it: `git push -u origin {branch}` "
                "(or `git branch -u origin/{branch}`)."
            ),
            ko=(
                "`{branch}`에 업스트림이 없어서 `git status`가 origin과의 차이를 못 알려 줘요. "
                "`git push -u origin {branch}`(또는 `git branch -u origin/{branch}`)로 설정해요."
            ),
        ),
        branch=branch,
    )


EXERCISE = Exercise(
    id=ID,
    track="team",
    level=1,
    team_folder=f"{ID}-team",
    title=Text(en="Clone, branch, push", ko="클론하고, 브랜치 만들고, 푸시하기"),
    story=Text(
        en=(
            "You just joined the sequence-lab team. Mina keeps the team's repository in "
            "`../clone-and-push-team/origin.git`, and the team wants to know whether a GRU "
            "beats the LSTM on the adding problem. Get the code, try it on your own branch and "
            "share the branch."
        ),
        ko=(
            "sequence-lab 팀에 막 합류했어요. 팀 저장소는 민아가 관리하는 "
            "`../clone-and-push-team/origin.git`에 있고, 팀은 adding 문제에서 GRU가 LSTM보다 "
            "나은지 궁금해해요. 코드를 받아서 내 브랜치에서 시도해 보고 브랜치를 공유해요."
        ),
    ),
    goal=Text(
        en=(
            "Your clone is here, a branch like `exp/gru` has a conventional commit that "
            "sets `arch: gru`, and origin has that branch, tracked by yours."
        ),
        ko=(
            "여기에 내 클론이 있고, `exp/gru` 같은 브랜치에 `arch: gru`로 바꾼 "
            "규칙에 맞는 커밋이 있고, origin에 그 브랜치가 올라가 내 브랜치가 그걸 추적해요."
        ),
    ),
    steps=(
        Step(
            "cloned",
            Text(
                en=(
                    "Clone: `git clone ../clone-and-push-team/origin.git "
                    "sequence-lab`, then `cd sequence-lab`."
                ),
                ko=(
                    "클론해요: `git clone ../clone-and-push-team/origin.git "
                    "sequence-lab` 후 `cd sequence-lab`."
                ),
            ),
        ),
        Step(
            "branch",
            Text(
                en=(
                    "Create `exp/gru`, set `arch: gru` in "
                    "configs/default.yaml, commit with a conventional message."
                ),
                ko=(
                    "`exp/gru` 브랜치를 만들고 configs/default.yaml에서 `arch: gru`로 바꿔 "
                    "규칙에 맞는 메시지로 커밋해요."
                ),
            ),
        ),
        Step(
            "pushed",
            Text(
                en="Push the branch to origin (not main).",
                ko="브랜치를 origin에 푸시해요 (main 말고요).",
            ),
        ),
        Step(
            "upstream",
            Text(
                en="Make your branch track origin's: `git push -u origin exp/gru`.",
                ko="내 브랜치가 origin 브랜치를 추적하게 해요: `git push -u origin exp/gru`.",
            ),
        ),
    ),
    hints=(
        Text(
            en=(
                "`git clone <where> <folder>` copies the whole history and "
                "sets up `origin` for you."
            ),
            ko="`git clone <주소> <폴더>`는 히스토리 전체를 복사하고 `origin`도 알아서 설정해요.",
        ),
        Text(
            en="`git switch -c exp/gru` creates the branch and moves onto it in one go.",
            ko="`git switch -c exp/gru`는 브랜치를 만들고 바로 그 브랜치로 옮겨 가요.",
        ),
        Text(
            en="`-u` in `git push -u origin exp/gru` remembers origin/exp/gru as the upstream.",
            ko="`git push -u origin exp/gru`의 `-u`가 origin/exp/gru를 업스트림으로 기억해요.",
        ),
    ),
    solution=(
        f"git clone {ORIGIN_URL} sequence-lab",
        "cd sequence-lab",
        "git switch -c exp/gru",
        "sed -i 's/^\\(    arch:\\) lstm/\\1 gru/' configs/default.yaml",
        'git commit -am "exp(model): try a GRU instead of the LSTM"',
        "git push -u origin exp/gru",
    ),
    setup=setup,
    check=check,
    tags=("remote", "clone", "push"),
)
