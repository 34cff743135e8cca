"""cherry-pick-hotfix: one fix from Sora's experiment branch is needed on main, alone."""

from __future__ import annotations

from pathlib import Path

from mergecamp.checks import blocked, fail, ok
from mergecamp.exercise import Exercise, Step, StepResult
from mergecamp.gitcmd import git
from mergecamp.i18n import Text
from mergecamp.scene import Scene
from mergecamp.scripting import MINA, SORA, Clock, commit_all, set_option
from mergecamp.team import origin as origin_mod
from mergecamp.team.checking import preflight, remember_scripted
from mergecamp.team.world import CONFIG, SORA_T, publish, recall, remember, seed

ID = "cherry-pick-hotfix"
EXP = "exp/transformer"
STEPS = ("fix-picked", "nothing-else", "pushed", "exp-untouched")


def setup(scene: Scene) -> None:
    clock = Clock()
    repo = seed(scene, clock)
    root = Path(repo.working_tree_dir or "")
    set_option(root / CONFIG, "lr", "0.03")
    commit_all(repo, "chore(config): tune the learning rate", MINA, clock)
    repo.git.checkout("-q", "-b", EXP)
    set_option(root / CONFIG, "arch", "transformer")
    commit_all(repo, "exp(model): switch to the transformer encoder", SORA, clock)
    set_option(root / CONFIG, "lr", "0.003")
    fix = commit_all(repo, "fix(config): the learning rate is 0.003, not 0.03", SORA, clock)
    set_option(root / CONFIG, "hidden_size", "128")
    commit_all(repo, "exp(model): a wider transformer", SORA, clock)
    origin = publish(scene, repo, teammates=(SORA_T,))
    remember(
        origin,
        fix=fix.hexsha,
        main=git(origin, "rev-parse", "refs/heads/main"),
        exp=git(origin, "rev-parse", f"refs/heads/{EXP}"),
    )
    remember_scripted(origin)


def _option(repo: Path, rev: str, key: str) -> str | None:
    from mergecamp.scripting import read_option

    return read_option(origin_mod.show_file(repo, rev, CONFIG) or "", key)


def _candidate(scene: Scene, main: str) -> str | None:
    """The learner's hotfix branch: a local branch off main, not the experiment."""
    names = git(scene.root, "for-each-ref", "--format=%(refname:short)", "refs/heads").split()
    current = git(scene.root, "symbolic-ref", "--quiet", "--short", "HEAD", check=False)
    for name in sorted(names, key=lambda n: n != current):
        if name == EXP:
            continue
        tip = origin_mod.ref(scene.root, f"refs/heads/{name}")
        if tip and tip != main and origin_mod.is_ancestor(scene.root, main, tip):
            return name
    return None


def check(scene: Scene) -> list[StepResult]:
    origin = scene.origin
    early = preflight(origin, STEPS, scene.root)
    if early:
        return early
    assert origin is not None
    facts = recall(origin)
    branch = _candidate(scene, facts["main"])
    if branch is None or _option(scene.root, branch, "lr") != "0.003":
        return [
            fail(
                "fix-picked",
                Text(
                    en=(
                        "No branch off main has the learning-rate fix yet. "
                        "`git switch -c hotfix/learning-rate main`, then "
                        '`git cherry-pick -x <sha of "fix(config): the learning rate…">` '
                        "(find it with `git log --oneline origin/exp/transformer`)."
                    ),
                    ko=(
                        "main에서 나온 브랜치 중 학습률 수정이 들어간 게 아직 없어요. "
                        "`git switch -c hotfix/learning-rate main` 후 "
                        '`git cherry-pick -x <"fix(config): the learning rate…" 커밋 sha>`를 해요 '
                        "(`git log --oneline origin/exp/transformer`로 찾아요)."
                    ),
                ),
            ),
            *(blocked(s) for s in STEPS[1:]),
        ]
    results = [
        ok(
            "fix-picked",
            Text(
                en="`{branch}` has the fix (lr 0.003).",
                ko="`{branch}`에 수정(lr 0.003)이 들어갔어요.",
            ),
            branch=branch,
        )
    ]
    arch, hidden = _option(scene.root, branch, "arch"), _option(scene.root, branch, "hidden_size")
    if arch != "lstm" or hidden != "64":
        results.append(
            fail(
                "nothing-else",
                Text(
                    en=(
                        "`{branch}` also carries the experiment (arch {arch}, hidden_size "
                        "{hidden}). "
                        "Only the fix may go to main: start again from main "
                        "(`git reset --hard main` on that branch) and cherry-pick just the fix."
                    ),
                    ko=(
                        "`{branch}`에 실험 내용(arch {arch}, hidden_size {hidden})까지 들어 "
                        "있어요. "
                        "main에는 수정만 가야 해요: 그 브랜치에서 `git reset --hard main`으로 "
                        "되돌리고 수정 커밋만 cherry-pick해요."
                    ),
                ),
                branch=branch,
                arch=arch,
                hidden=hidden,
            )
        )
    else:
        results.append(
            ok(
                "nothing-else",
                Text(
                    en="Nothing of the experiment came along.", ko="실험 내용은 따라오지 않았어요."
                ),
            )
        )
    local = origin_mod.ref(scene.root, f"refs/heads/{branch}")
    if origin_mod.ref(origin, f"refs/heads/{branch}") == local:
        results.append(
            ok(
                "pushed",
                Text(en="origin has `{branch}`.", ko="origin에 `{branch}`가 있어요."),
                branch=branch,
            )
        )
    else:
        results.append(
            fail(
                "pushed",
                Text(
                    en="origin does not have your `{branch}` yet: `git push -u origin {branch}`.",
                    ko="origin에 아직 내 `{branch}`가 없어요: `git push -u origin {branch}`.",
                ),
                branch=branch,
            )
        )
    if origin_mod.ref(origin, f"refs/heads/{EXP}") == facts["exp"]:
        results.append(
            ok(
                "exp-untouched",
                Text(en="Sora's branch is untouched.", ko="소라의 브랜치는 그대로예요."),
            )
        )
    else:
        results.append(
            fail(
                "exp-untouched",
                Text(
                    en=(
                        "origin's `{exp}` changed: that is Sora's branch, leave it to her. "
                        "`mergecamp reset` to start over."
                    ),
                    ko=(
                        "origin의 `{exp}`가 바뀌었어요: 소라의 브랜치니까 건드리지 않아요. "
                        "`mergecamp reset`으로 다시 시작해요."
                    ),
                ),
                exp=EXP,
            )
        )
    return results


EXERCISE = Exercise(
    id=ID,
    track="team",
    level=5,
    team_folder=f"{ID}-team",
    title=Text(en="Cherry-pick a hotfix", ko="핫픽스 체리픽하기"),
    story=Text(
        en=(
            "Main trains with lr 0.03, ten times too high. Sora fixed it on her branch "
            "`exp/transformer`, but that branch also switches to a transformer, which is not "
            "ready (team folder: `../cherry-pick-hotfix-team`). Bring only the fix to a hotfix "
            "branch off main and push it."
        ),
        ko=(
            "main이 lr 0.03으로 학습하고 있어요. 열 배나 커요. 소라가 자기 브랜치 "
            "`exp/transformer`에서 고쳤지만 그 브랜치는 아직 준비 안 된 transformer 전환도 "
            "담고 있어요 "
            "(팀 폴더: `../cherry-pick-hotfix-team`). 수정만 main에서 딴 핫픽스 브랜치로 "
            "가져와 푸시해요."
        ),
    ),
    goal=Text(
        en=("A branch off main (e.g. `hotfix/learning-rate`) has only the fix, pushed to origin."),
        ko=(
            "main에서 딴 브랜치(예: `hotfix/learning-rate`)에 수정만 들어 있고 "
            "origin에 푸시돼 있어요."
        ),
    ),
    steps=(
        Step(
            "fix-picked",
            Text(
                en=(
                    "`git switch -c hotfix/learning-rate main` and `git cherry-pick -x <fix sha>`."
                ),
                ko=(
                    "`git switch -c hotfix/learning-rate main` 후 `git cherry-pick -x <수정 sha>`."
                ),
            ),
        ),
        Step(
            "nothing-else",
            Text(
                en="Bring nothing else of the experiment.",
                ko="실험의 다른 변경은 가져오지 않아요.",
            ),
        ),
        Step(
            "pushed",
            Text(
                en="`git push -u origin hotfix/learning-rate`.",
                ko="`git push -u origin hotfix/learning-rate`.",
            ),
        ),
        Step(
            "exp-untouched",
            Text(en="Leave Sora's branch alone.", ko="소라의 브랜치는 건드리지 않아요."),
        ),
    ),
    hints=(
        Text(
            en="`git log --oneline origin/exp/transformer` lists Sora's commits with their shas.",
            ko="`git log --oneline origin/exp/transformer`로 소라의 커밋과 sha를 볼 수 있어요.",
        ),
        Text(
            en="`git cherry-pick -x` copies one commit and notes where it came from.",
            ko="`git cherry-pick -x`는 커밋 하나를 복사하고 출처를 메시지에 남겨요.",
        ),
    ),
    solution=(
        "git switch -c hotfix/learning-rate main",
        "git cherry-pick -x \"$(git log --format=%H --grep='^fix(config)' -1 "
        'origin/exp/transformer)"',
        "git push -u origin hotfix/learning-rate",
    ),
    setup=setup,
    check=check,
    tags=("cherry-pick", "remote"),
)
