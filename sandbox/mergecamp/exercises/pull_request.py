"""pull-request: take an experiment from a branch to a merged PR, fixing what review flags.

A live teammate: as soon as the learner's branch lands on origin, Mina pushes a change
to main (``TEAM_EVENTS``), so the review finds the branch behind main, as it so often
is in a real team.
"""

from __future__ import annotations

from pathlib import Path

from mergecamp.checks import blocked, fail, ok
from mergecamp.exercise import Exercise, Step, StepResult
from mergecamp.gitcmd import git
from mergecamp.i18n import Text
from mergecamp.scene import Scene
from mergecamp.scripting import Clock, read_option, set_option
from mergecamp.team import origin as origin_mod
from mergecamp.team import pull_requests
from mergecamp.team.checking import preflight, remember_scripted
from mergecamp.team.teammates import TeamEvent, install_push_hook, tick
from mergecamp.team.world import CONFIG, MINA_T, publish, recall, remember, seed

ID = "pull-request"
STEPS = ("pr-opened", "merged", "team-kept", "local-main")
# Mina's push happens on a clock of its own, so its hash is the same whenever it fires.
_MINA_CLOCK_START = 1709856000


def _learner_branch_pushed(team_dir: Path) -> bool:
    origin = team_dir / "origin.git"
    heads = git(origin, "for-each-ref", "--format=%(refname:short)", "refs/heads").split()
    return any(h != "main" and not origin_mod.is_ancestor(origin, h, "main") for h in heads)


def _mina_pushes(team_dir: Path) -> None:
    sha = MINA_T.commit_and_push(
        team_dir,
        "main",
        lambda path: set_option(path / CONFIG, "max_epochs", "15"),
        "chore(config): train for 15 epochs by default",
        Clock(start=_MINA_CLOCK_START),
    )
    remember(team_dir / "origin.git", mina=sha)
    remember_scripted(team_dir / "origin.git")


TEAM_EVENTS = (TeamEvent("mina-pushes-main", _learner_branch_pushed, _mina_pushes),)


def setup(scene: Scene) -> None:
    clock = Clock()
    repo = seed(scene, clock)
    origin = publish(scene, repo, teammates=(MINA_T,))
    pull_requests.set_policy(origin, "merge")
    remember(origin, main=git(origin, "rev-parse", "refs/heads/main"))
    remember_scripted(origin)
    install_push_hook(scene.root, ID)


def check(scene: Scene) -> list[StepResult]:
    origin = scene.origin
    early = preflight(origin, STEPS, scene.root)
    if early:
        return early
    assert origin is not None and scene.team_dir is not None
    tick(scene.team_dir, TEAM_EVENTS)
    prs = pull_requests.load_all(origin)
    main = origin_mod.ref(origin, "refs/heads/main") or ""
    arch = read_option(origin_mod.show_file(origin, main, CONFIG) or "", "arch")
    if not prs:
        if arch == "gru":
            return [
                fail(
                    "pr-opened",
                    Text(
                        en=(
                            "origin's main already has `arch: gru`, but no PR was ever opened: "
                            "it was pushed straight to main, with no review and no CI. "
                            "`mergecamp reset` and go through `mergecamp pr open`."
                        ),
                        ko=(
                            "origin의 main에 이미 `arch: gru`가 있지만 PR은 한 번도 열리지 "
                            "않았어요: 리뷰도 CI도 없이 main에 바로 푸시했어요. `mergecamp "
                            "reset` 후 "
                            "`mergecamp pr open`으로 진행해요."
                        ),
                    ),
                ),
                *(blocked(s) for s in STEPS[1:]),
            ]
        return [
            fail(
                "pr-opened",
                Text(
                    en=(
                        "No PR yet. On a branch like `exp/gru` with `arch: gru` committed and "
                        "pushed (`git push -u origin exp/gru`), run `mergecamp pr open`."
                    ),
                    ko=(
                        "아직 PR이 없어요. `arch: gru`를 커밋한 `exp/gru` 같은 브랜치를 푸시하고"
                        "(`git push -u origin exp/gru`) `mergecamp pr open`을 해요."
                    ),
                ),
            ),
            *(blocked(s) for s in STEPS[1:]),
        ]
    results = [
        ok(
            "pr-opened",
            Text(en="PR #{n} is open for `{branch}`.", ko="`{branch}`의 PR #{n}을 열었어요."),
            n=prs[-1].number,
            branch=prs[-1].branch,
        )
    ]
    merged = [p for p in prs if p.state == "merged"]
    results.append(_merged(origin, merged, arch, main))
    facts = recall(origin)
    if "mina" in facts and not origin_mod.is_ancestor(origin, facts["mina"], main):
        results.append(
            fail(
                "team-kept",
                Text(
                    en=(
                        "Mina's commit {sha} (max_epochs 15) is no longer on origin's main: "
                        "someone force-pushed over it. `mergecamp reset` to start over."
                    ),
                    ko=(
                        "민아의 커밋 {sha}(max_epochs 15)가 origin의 main에 없어요: 누군가 그 위에 "
                        "강제 푸시했어요. `mergecamp reset`으로 다시 시작해요."
                    ),
                ),
                sha=facts["mina"][:7],
            )
        )
    else:
        results.append(
            ok(
                "team-kept",
                Text(
                    en="Mina's work on main is kept.",
                    ko="main에 있는 민아의 작업이 그대로 있어요.",
                ),
            )
        )
    local = origin_mod.ref(scene.root, "refs/heads/main")
    if merged and local == main:
        results.append(
            ok(
                "local-main",
                Text(en="Your local main is up to date.", ko="내 로컬 main도 최신이에요."),
            )
        )
    elif merged:
        results.append(
            fail(
                "local-main",
                Text(
                    en=(
                        "Your local main ({local}) is not origin's ({main}). "
                        "`git switch main && git pull`."
                    ),
                    ko=(
                        "내 로컬 main({local})이 origin의 main({main})과 달라요. "
                        "`git switch main && git pull`을 해요."
                    ),
                ),
                local=(local or "?")[:7],
                main=main[:7],
            )
        )
    else:
        results.append(blocked("local-main"))
    return results


def _merged(
    origin: Path, merged: list[pull_requests.PullRequest], arch: str | None, main: str
) -> StepResult:
    if not merged:
        return fail(
            "merged",
            Text(
                en=(
                    "No PR is merged yet. `mergecamp pr status` shows the review's comments; "
                    "fix them, push, `mergecamp pr open` again, then `mergecamp pr merge`."
                ),
                ko=(
                    "아직 머지된 PR이 없어요. `mergecamp pr status`로 리뷰 코멘트를 보고 고친 뒤 "
                    "푸시하고, `mergecamp pr open`을 다시 한 다음 `mergecamp pr merge`를 해요."
                ),
            ),
        )
    pr = merged[-1]
    parents = git(origin, "log", "-1", "--format=%P", pr.merged_commit or "", check=False).split()
    on_main = origin_mod.is_ancestor(origin, pr.merged_commit or "", main)
    if arch != "gru" or not on_main or len(parents) != 2:
        return fail(
            "merged",
            Text(
                en=(
                    "PR #{n} was merged, but origin's main should have `arch: gru` and the PR's "
                    "merge commit with two parents (it has arch {arch}). `mergecamp reset` to "
                    "try again."
                ),
                ko=(
                    "PR #{n}은 머지됐지만 origin의 main에 `arch: gru`와 부모가 둘인 PR 머지 커밋이 "
                    "있어야 해요 (지금 arch는 {arch}). `mergecamp reset`으로 다시 해 봐요."
                ),
            ),
            n=pr.number,
            arch=arch,
        )
    return ok(
        "merged",
        Text(
            en="PR #{n} is merged into main with a merge commit: the GRU experiment is in.",
            ko="PR #{n}이 머지 커밋으로 main에 들어갔어요: GRU 실험이 반영됐어요.",
        ),
        n=pr.number,
    )


EXERCISE = Exercise(
    id=ID,
    track="team",
    level=3,
    team_folder=f"{ID}-team",
    title=Text(en="From branch to merged PR", ko="브랜치에서 머지된 PR까지"),
    story=Text(
        en=(
            "The GRU looked good in your notebook; now it has to reach main the team's way: "
            "a branch, a PR, a review and CI (the team folder is `../pull-request-team`). "
            "Mina is busy on main too, so expect the reviewer to ask for something."
        ),
        ko=(
            "노트북에서 GRU 결과가 좋았어요. 이제 팀 방식대로 main에 넣어야 해요: 브랜치, "
            "PR, 리뷰, "
            "CI(팀 폴더는 `../pull-request-team`). 민아도 main에서 작업 중이라 리뷰어가 뭔가 "
            "요청할 거예요."
        ),
    ),
    goal=Text(
        en=(
            "A PR from your branch is merged into origin's main with a merge commit, "
            "main has `arch: gru` and Mina's commit, and your local main matches origin's."
        ),
        ko=(
            "내 브랜치의 PR이 머지 커밋으로 origin의 main에 들어가고, main에 "
            "`arch: gru`와 민아의 커밋이 있고, 내 로컬 main이 origin과 같아요."
        ),
    ),
    steps=(
        Step(
            "pr-opened",
            Text(
                en=(
                    "`git switch -c exp/gru`, set `arch: gru` in configs/default.yaml, commit "
                    "conventionally, `git push -u origin exp/gru`, `mergecamp pr open`."
                ),
                ko=(
                    "`git switch -c exp/gru`, configs/default.yaml에서 `arch: gru`로 "
                    "바꾸고 규칙에 "
                    "맞게 커밋, `git push -u origin exp/gru`, `mergecamp pr open`."
                ),
            ),
        ),
        Step(
            "merged",
            Text(
                en=(
                    "Fix every review comment, push, `mergecamp pr open` "
                    "again, then `mergecamp pr merge`."
                ),
                ko=(
                    "리뷰 코멘트를 모두 고치고 푸시, `mergecamp pr open`을 다시 한 뒤 "
                    "`mergecamp pr merge`."
                ),
            ),
        ),
        Step(
            "team-kept",
            Text(en="Keep Mina's commit on main.", ko="main에 있는 민아의 커밋을 지켜요."),
        ),
        Step(
            "local-main",
            Text(
                en="Update your local main: `git switch main && git pull`.",
                ko="내 로컬 main을 갱신해요: `git switch main && git pull`.",
            ),
        ),
    ),
    hints=(
        Text(
            en="`mergecamp pr status` repeats the review; each comment ends with its fix.",
            ko="`mergecamp pr status`로 리뷰를 다시 볼 수 있어요. 코멘트마다 고치는 법이 있어요.",
        ),
        Text(
            en="Behind main? `git fetch origin && git merge origin/main`, then `git push`.",
            ko="main보다 뒤처졌다면 `git fetch origin && git merge origin/main` 후 `git push`.",
        ),
        Text(
            en="The review only sees what you pushed: push after every fix.",
            ko="리뷰는 푸시한 것만 봐요: 고칠 때마다 푸시해요.",
        ),
    ),
    solution=(
        "git switch -c exp/gru",
        "sed -i 's/^\\(    arch:\\) lstm/\\1 gru/' configs/default.yaml",
        'git commit -am "exp(model): try a GRU instead of the LSTM"',
        "git push -u origin exp/gru",
        "git fetch origin",
        "git merge --no-edit origin/main",
        "git push",
        'mergecamp pr open --title "exp(model): try a GRU instead of the LSTM"',
        "mergecamp pr merge",
        "git switch main",
        "git pull",
    ),
    setup=setup,
    check=check,
    tags=("remote", "pull-request", "review"),
    team_events=TEAM_EVENTS,
)
