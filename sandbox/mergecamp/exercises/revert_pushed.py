"""revert-pushed: a bad commit is on origin's main; undo it with `git revert`, no rewrite."""

from __future__ import annotations

from pathlib import Path

from mergecamp.checks import fail, ok
from mergecamp.exercise import Exercise, Step, StepResult
from mergecamp.gitcmd import git
from mergecamp.i18n import Text
from mergecamp.scene import Scene
from mergecamp.scripting import JUN, MINA, Clock, append_text, commit_all, read_option, set_option
from mergecamp.team import origin as origin_mod
from mergecamp.team.checking import preflight, remember_scripted
from mergecamp.team.world import CONFIG, JUN_T, publish, recall, remember, seed

ID = "revert-pushed"
STEPS = ("history-kept", "reverted", "in-sync")


def setup(scene: Scene) -> None:
    clock = Clock()
    repo = seed(scene, clock)
    root = Path(repo.working_tree_dir or "")
    set_option(root / CONFIG, "activation", "relu")
    bad = commit_all(repo, "feat(model): use relu in the head", JUN, clock)
    append_text(
        root / "NOTES.md", "- Baseline MSE on the adding problem: 0.167 is the number to beat.\n"
    )
    after = commit_all(repo, "docs: write down the baseline to beat", MINA, clock)
    origin = publish(scene, repo, teammates=(JUN_T,))
    remember(origin, bad=bad.hexsha, after=after.hexsha)
    remember_scripted(origin)


def check(scene: Scene) -> list[StepResult]:
    origin = scene.origin
    early = preflight(origin, STEPS, scene.root)
    if early:
        return early
    assert origin is not None
    facts = recall(origin)
    main = origin_mod.ref(origin, "refs/heads/main") or ""
    results = []
    if not origin_mod.is_ancestor(origin, facts["after"], main):
        results.append(
            fail(
                "history-kept",
                Text(
                    en=(
                        "origin's main no longer contains {bad} and Mina's {after}: it was reset "
                        "and force-pushed. Everyone who pulled now has commits that origin lost. "
                        "Shared history is undone with `git revert`, not rewritten. "
                        "`mergecamp reset` and try again."
                    ),
                    ko=(
                        "origin의 main에 {bad}와 민아의 {after} 커밋이 없어요: reset 후 강제 "
                        "푸시했어요. 이미 pull한 팀원들은 origin에서 사라진 커밋을 갖게 "
                        "돼요. 공유된 "
                        "히스토리는 다시 쓰지 않고 `git revert`로 되돌려요. `mergecamp reset` 후 "
                        "다시 해 봐요."
                    ),
                ),
                bad=facts["bad"][:7],
                after=facts["after"][:7],
            )
        )
    else:
        results.append(
            ok(
                "history-kept",
                Text(en="origin's history is intact.", ko="origin의 히스토리가 그대로예요."),
            )
        )
    activation = read_option(origin_mod.show_file(origin, main, CONFIG) or "", "activation")
    reverts = git(origin, "log", "--format=%H", f"--grep=This reverts commit {facts['bad']}", main)
    if activation == "tanh" and reverts:
        results.append(
            ok(
                "reverted",
                Text(
                    en="A revert commit on origin's main undoes {bad}: the head uses tanh again.",
                    ko="origin의 main에 {bad}를 되돌리는 리버트 커밋이 있어요: 다시 tanh를 써요.",
                ),
                bad=facts["bad"][:7],
            )
        )
    else:
        results.append(
            fail(
                "reverted",
                Text(
                    en=(
                        "origin's main has activation {activation} and no commit saying \"This "
                        'reverts commit {bad}". Run `git revert --no-edit {bad}`, then `git push`.'
                    ),
                    ko=(
                        'origin의 main은 activation이 {activation}이고 "This reverts commit {bad}" '
                        "커밋이 없어요. `git revert --no-edit {bad}` 후 `git push`를 해요."
                    ),
                ),
                activation=activation,
                bad=facts["bad"][:7],
            )
        )
    local = origin_mod.ref(scene.root, "refs/heads/main")
    if local == main:
        results.append(
            ok("in-sync", Text(en="Your main matches origin's.", ko="내 main이 origin과 같아요."))
        )
    else:
        results.append(
            fail(
                "in-sync",
                Text(
                    en=(
                        "Your main ({local}) differs from origin's ({main}): `git "
                        "push` (or `git pull`)."
                    ),
                    ko=(
                        "내 main({local})이 origin의 main({main})과 달라요: `git push`(또는 "
                        "`git pull`)를 해요."
                    ),
                ),
                local=(local or "?")[:7],
                main=main[:7],
            )
        )
    return results


EXERCISE = Exercise(
    id=ID,
    track="team",
    level=6,
    team_folder=f"{ID}-team",
    title=Text(en="Undo a pushed commit", ko="푸시된 커밋 되돌리기"),
    story=Text(
        en=(
            "Jun's \"use relu in the head\" is on origin's main and the loss exploded; Mina has "
            "already pushed a commit on top (team folder: `../revert-pushed-team`). Undo Jun's "
            "change without rewriting history that the whole team has pulled."
        ),
        ko=(
            '준의 "use relu in the head" 커밋이 origin의 main에 올라갔고 손실이 폭발했어요. 민아가 '
            "이미 그 위에 커밋을 푸시했어요(팀 폴더: `../revert-pushed-team`). 팀 모두가 pull한 "
            "히스토리를 다시 쓰지 말고 준의 변경만 되돌려요."
        ),
    ),
    goal=Text(
        en="origin's main keeps every commit and has a revert commit that brings back tanh.",
        ko=("origin의 main에 모든 커밋이 남아 있고, tanh로 되돌리는 리버트 커밋이 있어요."),
    ),
    steps=(
        Step(
            "history-kept",
            Text(
                en="Do not reset or force-push main.",
                ko="main을 reset하거나 강제 푸시하지 않아요.",
            ),
        ),
        Step(
            "reverted",
            Text(
                en="`git revert <sha of Jun's commit>` and `git push`.",
                ko="`git revert <준의 커밋 sha>` 후 `git push`.",
            ),
        ),
        Step("in-sync", Text(en="Your main matches origin's.", ko="내 main이 origin과 같아요.")),
    ),
    hints=(
        Text(
            en='`git log --oneline` shows the sha of "use relu in the head".',
            ko='`git log --oneline`에서 "use relu in the head"의 sha를 찾아요.',
        ),
        Text(
            en="`git revert` adds a new commit that applies the opposite change.",
            ko="`git revert`는 반대 변경을 담은 새 커밋을 만들어요.",
        ),
    ),
    solution=(
        "git revert --no-edit \"$(git log --format=%H --grep='use relu in the head' -1)\"",
        "git push",
    ),
    setup=setup,
    check=check,
    tags=("revert", "remote"),
    # A revert adds a commit on top, locally and on origin; neither may be rewritten.
    may_change=("refs/heads/main", "refs/remotes/origin/main"),
)
