"""Exercise 1, stage-and-commit: working directory → staging area → repository.

Two files are modified; only the config change belongs in the commit, with a
Conventional Commit message. The README notes stay modified and uncommitted.
"""

from __future__ import annotations

from mergecamp import checks as C
from mergecamp.engine import start_ref
from mergecamp.exercise import Exercise, Step, StepResult
from mergecamp.exercises._common import CONFIG, edit_config, project_repo
from mergecamp.i18n import Text
from mergecamp.scene import Scene
from mergecamp.scripting import append_text, checkout

BRANCH = "feat/wider-lstm"
README = "README.md"
NOTES = "\n## Notes (draft, do not commit)\n\n- ask Jun if 128 units still fit on the lab GPU\n"


def setup(scene: Scene) -> None:
    repo, _clock = project_repo(scene)
    checkout(repo, BRANCH, create_from="main")
    edit_config(scene, hidden_size=128)
    append_text(scene.root / README, NOTES)


def check(scene: Scene) -> list[StepResult]:
    repo = scene.repo
    start = start_ref(scene, f"refs/heads/{BRANCH}")
    tip = C.branch_tip(repo, BRANCH)
    if tip is None or start is None:
        return [
            C.fail(
                "commit",
                Text(
                    en="branch `{b}` is gone (branches now: {all}); `mergecamp reset` starts over",
                    ko="`{b}` 브랜치가 없어요(지금 브랜치: {all}). "
                    "`mergecamp reset`으로 다시 시작하세요",
                ),
                b=BRANCH,
                all=", ".join(C.branch_names(repo)) or "-",
            ),
            C.blocked("only-config"),
            C.blocked("message"),
            _readme(repo, start),
        ]
    new = C.new_commits(repo, start, BRANCH)
    results = [_commit(repo, new)]
    if not results[0].passed:
        return [*results, C.blocked("only-config"), C.blocked("message"), _readme(repo, start)]
    touched = set().union(*(C.changed_paths(c) for c in new))
    extra = sorted(touched - {CONFIG})
    if extra:
        results.append(
            C.fail(
                "only-config",
                Text(
                    en="your commit also took {files}; undo the commit with "
                    "`git reset --soft HEAD~1`, "
                    "then `git restore --staged README.md` and commit again",
                    ko="커밋에 {files}도 들어갔어요. `git reset --soft HEAD~1`로 커밋을 되돌리고 "
                    "`git restore --staged README.md` 한 다음 다시 커밋하세요",
                ),
                files=", ".join(f"`{p}`" for p in extra),
            )
        )
    else:
        results.append(
            C.ok(
                "only-config",
                Text(en="the new commit changes only `{f}`", ko="새 커밋은 `{f}`만 바꿔요"),
                f=CONFIG,
            )
        )
    bad = [c for c in new if not C.is_conventional(C.subject(c))]
    if bad:
        results.append(
            C.fail(
                "message",
                Text(
                    en="`{s}` is not a Conventional Commit message; try "
                    '`git commit --amend -m "feat(config): widen the LSTM to 128 units"`',
                    ko="`{s}`는 Conventional Commits 형식이 아니에요. "
                    '`git commit --amend -m "feat(config): widen the LSTM to 128 units"`'
                    "처럼 고쳐 보세요",
                ),
                s=C.subject(bad[0]),
            )
        )
    else:
        results.append(
            C.ok(
                "message",
                Text(
                    en="`{s}` follows Conventional Commits",
                    ko="`{s}`는 Conventional Commits 형식이에요",
                ),
                s=C.subject(new[0]),
            )
        )
    results.append(_readme(repo, start))
    return results


def _commit(repo, new) -> StepResult:
    if not new:
        return C.fail(
            "commit",
            Text(
                en="`{b}` has no new commit yet; stage the config with "
                "`git add configs/default.yaml`, then `git commit`",
                ko="`{b}`에 새 커밋이 아직 없어요. `git add configs/default.yaml`로 스테이징하고 "
                "`git commit` 하세요",
            ),
            b=BRANCH,
        )
    value = C.option_at(repo, BRANCH, CONFIG, "hidden_size")
    if value != "128":
        return C.fail(
            "commit",
            Text(
                en="at `{b}`, `hidden_size` in `{f}` is `{v}`, not `128`: the config change is not "
                "committed yet (`git status` shows where it is)",
                ko="`{b}`의 `{f}`에서 `hidden_size`가 `128`이 아니라 `{v}`예요. 설정 변경이 아직 "
                "커밋되지 않았어요(`git status`로 확인하세요)",
            ),
            b=BRANCH,
            f=CONFIG,
            v=value or "-",
        )
    return C.ok(
        "commit",
        Text(
            en="`{b}` has the commit with `hidden_size: 128`",
            ko="`{b}`에 `hidden_size: 128` 커밋이 있어요",
        ),
        b=BRANCH,
    )


def _readme(repo, start: str | None) -> StepResult:
    at_start = C.file_at(repo, start, README) if start else None
    at_tip = C.file_at(repo, BRANCH, README)
    if at_tip is not None and at_start is not None and at_tip != at_start:
        return C.fail(
            "readme-left",
            Text(
                en="the README notes were committed on `{b}`; they must stay uncommitted "
                "(`git reset --soft HEAD~1` and `git restore --staged README.md` undo that)",
                ko="README 메모가 `{b}`에 커밋됐어요. 커밋하지 말고 남겨 둬야 해요"
                "(`git reset --soft HEAD~1`, `git restore --staged README.md`로 되돌릴 수 있어요)",
            ),
            b=BRANCH,
        )
    text = C.worktree_text(repo, README)
    if text is None or "Notes (draft" not in text:
        return C.fail(
            "readme-left",
            Text(
                en="the notes in `README.md` are gone from your working tree; keep them as an "
                "uncommitted change (`mergecamp reset` brings them back)",
                ko="작업 디렉터리의 `README.md`에서 메모가 사라졌어요. 커밋하지 않은 변경으로 "
                "남겨 두세요(`mergecamp reset`으로 되살릴 수 있어요)",
            ),
        )
    return C.ok(
        "readme-left",
        Text(
            en="`README.md` is still modified and uncommitted",
            ko="`README.md`는 여전히 수정된 채 커밋되지 않았어요",
        ),
    )


EXERCISE = Exercise(
    id="stage-and-commit",
    track="basics",
    level=1,
    title=Text(en="Stage and commit one change", ko="변경 하나만 스테이징해서 커밋하기"),
    story=Text(
        en="The team's LSTM underfits the adding problem, so you widened it: `hidden_size` "
        "is now 128 in `configs/default.yaml`. You also jotted notes into `README.md` that "
        "are not ready for anyone else. Commit the config change on `feat/wider-lstm`, and "
        "only that.",
        ko="팀의 LSTM이 adding 문제에서 과소적합이라 `configs/default.yaml`의 `hidden_size`를 "
        "128로 늘렸어요. 그러다 `README.md`에도 아직 남에게 보일 수 없는 메모를 적어 뒀어요. "
        "`feat/wider-lstm` 브랜치에 설정 변경만 커밋하세요.",
    ),
    goal=Text(
        en="`feat/wider-lstm` has a new commit with a Conventional Commit message that changes "
        "only `configs/default.yaml`; `README.md` is still modified in your working tree.",
        ko="`feat/wider-lstm`에 `configs/default.yaml`만 바꾼 새 커밋이 Conventional Commits "
        "메시지로 있고, `README.md`는 작업 디렉터리에서 여전히 수정된 상태예요.",
    ),
    steps=(
        Step(
            "commit",
            Text(
                en="Commit the `hidden_size: 128` change", ko="`hidden_size: 128` 변경을 커밋해요"
            ),
        ),
        Step(
            "only-config",
            Text(
                en="The commit holds only `configs/default.yaml`",
                ko="커밋에는 `configs/default.yaml`만 들어가요",
            ),
        ),
        Step(
            "message",
            Text(
                en="The message follows Conventional Commits (`feat(config): …`)",
                ko="메시지는 Conventional Commits 형식이에요(`feat(config): …`)",
            ),
        ),
        Step(
            "readme-left",
            Text(
                en="`README.md` stays modified, not committed",
                ko="`README.md`는 수정된 채로 커밋하지 않아요",
            ),
        ),
    ),
    hints=(
        Text(
            en="`git status` shows both files as modified. Only what you `git add` goes into "
            "the next commit.",
            ko="`git status`를 보면 두 파일이 수정돼 있어요. 다음 커밋에는 `git add`한 것만 "
            "들어가요.",
        ),
        Text(
            en="`git add configs/default.yaml` stages just that file; `git diff --staged` shows "
            "what the commit will hold.",
            ko="`git add configs/default.yaml`은 그 파일만 스테이징해요. 커밋될 내용은 "
            "`git diff --staged`로 볼 수 있어요.",
        ),
        Text(
            en='A Conventional Commit message: `git commit -m "feat(config): widen the LSTM to '
            '128 units"`. Avoid `git commit -a`: it takes README.md too.',
            ko='Conventional Commits 메시지 예: `git commit -m "feat(config): widen the LSTM to '
            '128 units"`. `git commit -a`는 README.md까지 넣으니 피하세요.',
        ),
    ),
    solution=(
        "git add configs/default.yaml",
        'git commit -m "feat(config): widen the LSTM to 128 units"',
    ),
    setup=setup,
    check=check,
    tags=("add", "commit", "staging"),
    may_change=(f"refs/heads/{BRANCH}",),
    # The notes stay in the working tree, uncommitted: `git restore README.md` loses them.
    keeps=(README,),
)
