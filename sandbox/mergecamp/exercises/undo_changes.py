"""Exercise 7, undo-changes: discard a bad edit in the working tree, unstage a file that
must not be committed, and fix the last commit's message.

The last step is judged by what an amend means: same parent, same content, a new
Conventional Commit message. A new commit on top, or an amend that swallowed the staged
log file, is named as such.
"""

from __future__ import annotations

from mergecamp import checks as C
from mergecamp.engine import start_ref
from mergecamp.exercise import Exercise, Step, StepResult
from mergecamp.exercises._common import change, package_dir, project_repo, short
from mergecamp.i18n import Text
from mergecamp.render import PACKAGE
from mergecamp.scene import Scene
from mergecamp.scripting import YOU, append_text, checkout

BRANCH = "feat/longer-sequences"
BAD_FILE = f"src/{PACKAGE}/models/recurrent.py"
LOG_FILE = "lightning_logs/version_0/metrics.csv"
OLD_MESSAGE = "stuff"


def setup(scene: Scene) -> None:
    repo, clock = project_repo(scene)
    checkout(repo, BRANCH, create_from="main")
    change(repo, scene, clock, YOU, OLD_MESSAGE, seq_len=100)
    append_text(
        package_dir(scene) / "models" / "recurrent.py", "\nbreakpoint()  # why is the loss nan?\n"
    )
    log = scene.root / LOG_FILE
    log.parent.mkdir(parents=True, exist_ok=True)
    log.write_text(
        "epoch,step,train/loss,val/loss\n0,99,0.4121,0.3877\n1,199,nan,nan\n", encoding="utf-8"
    )
    repo.git.add("--force", LOG_FILE)


def check(scene: Scene) -> list[StepResult]:
    repo = scene.repo
    start = start_ref(scene, f"refs/heads/{BRANCH}")
    return [_discard(repo), _unstage(repo), _message(repo, start)]


def _discard(repo) -> StepResult:
    text = C.worktree_text(repo, BAD_FILE)
    if text is not None and "breakpoint()" in text:
        return C.fail(
            "discard",
            Text(
                en="`{f}` still has the stray `breakpoint()`; "
                "`git restore {f}` throws the edit away",
                ko="`{f}`에 아직 `breakpoint()`가 남아 있어요. `git restore {f}`로 수정을 버리세요",
            ),
            f=BAD_FILE,
        )
    if BAD_FILE in C.dirty_paths(repo) or text is None:
        return C.fail(
            "discard",
            Text(
                en="`{f}` differs from the last commit; `git restore --staged --worktree {f}` "
                "brings back the committed version",
                ko="`{f}`가 마지막 커밋과 달라요. `git restore --staged --worktree {f}`로 커밋된 "
                "내용으로 되돌리세요",
            ),
            f=BAD_FILE,
        )
    return C.ok(
        "discard",
        Text(en="`{f}` is back as committed", ko="`{f}`가 커밋된 상태로 돌아왔어요"),
        f=BAD_FILE,
    )


def _unstage(repo) -> StepResult:
    if C.file_at(repo, "HEAD", LOG_FILE) is not None:
        return C.fail(
            "unstage",
            Text(
                en="`{f}` went into the commit `{c}`; training logs never belong in git. "
                "`git rm --cached {f}` and `git commit --amend --no-edit` take it out",
                ko="`{f}`가 커밋 `{c}`에 들어갔어요. 학습 로그는 git에 넣지 않아요. "
                "`git rm --cached {f}` 후 `git commit --amend --no-edit`로 빼세요",
            ),
            f=LOG_FILE,
            c=short(C.commit_of(repo, "HEAD")),
        )
    if LOG_FILE in C.staged_paths(repo):
        return C.fail(
            "unstage",
            Text(
                en="`{f}` is still staged; `git restore --staged {f}` unstages it",
                ko="`{f}`가 아직 스테이징돼 있어요. `git restore --staged {f}`로 내리세요",
            ),
            f=LOG_FILE,
        )
    return C.ok(
        "unstage", Text(en="`{f}` is not staged", ko="`{f}`는 스테이징돼 있지 않아요"), f=LOG_FILE
    )


def _message(repo, start: str | None) -> StepResult:
    head = C.commit_of(repo, "HEAD")
    old = C.commit_of(repo, start) if start else None
    if head is None or old is None:
        return C.fail(
            "message",
            Text(
                en="cannot find the commit `{m}` or HEAD; `mergecamp reset` starts over",
                ko="`{m}` 커밋이나 HEAD를 찾을 수 없어요. `mergecamp reset`으로 다시 시작하세요",
            ),
            m=OLD_MESSAGE,
        )
    if head.hexsha == old.hexsha:
        return C.fail(
            "message",
            Text(
                en="the last commit still says `{m}`; "
                '`git commit --amend -m "feat(data): train on sequences of length 100"`',
                ko="마지막 커밋 메시지가 아직 `{m}`이에요. "
                '`git commit --amend -m "feat(data): train on sequences of length 100"` 하세요',
            ),
            m=OLD_MESSAGE,
        )
    if C.is_ancestor(repo, old.hexsha, head.hexsha):
        return C.fail(
            "message",
            Text(
                en="you made a new commit `{c}` on top, so `{m}` is still in the history. "
                "`git reset --soft HEAD~1`, then `git commit --amend` changes the old one",
                ko="위에 새 커밋 `{c}`를 만들어서 `{m}`가 히스토리에 그대로 있어요. "
                "`git reset --soft HEAD~1` 후 `git commit --amend`로 기존 커밋을 고치세요",
            ),
            c=short(head),
            m=OLD_MESSAGE,
        )
    if [p.hexsha for p in head.parents] != [p.hexsha for p in old.parents]:
        return C.fail(
            "message",
            Text(
                en="HEAD `{c}` does not sit where the old commit sat (different parent); "
                "`mergecamp reset` starts over",
                ko="HEAD `{c}`가 원래 커밋 자리에 있지 않아요(부모가 달라요). "
                "`mergecamp reset`으로 다시 시작하세요",
            ),
            c=short(head),
        )
    if head.tree.binsha != old.tree.binsha:
        extra = sorted(C.paths_changed_between(repo, old.hexsha, head.hexsha))
        return C.fail(
            "message",
            Text(
                en="the amended commit also changed {files}; only the message should change. "
                "Unstage or restore those and `git commit --amend` again",
                ko="고친 커밋에 {files}도 바뀌었어요. 메시지만 바뀌어야 해요. 해당 파일을 내리거나 "
                "되돌리고 다시 `git commit --amend` 하세요",
            ),
            files=", ".join(f"`{p}`" for p in extra) or "?",
        )
    if not C.is_conventional(C.subject(head)):
        return C.fail(
            "message",
            Text(
                en="`{s}` is not a Conventional Commit message; e.g. "
                '`git commit --amend -m "feat(data): train on sequences of length 100"`',
                ko="`{s}`는 Conventional Commits 형식이 아니에요. 예: "
                '`git commit --amend -m "feat(data): train on sequences of length 100"`',
            ),
            s=C.subject(head),
        )
    return C.ok(
        "message",
        Text(en="the last commit now says `{s}`", ko="마지막 커밋 메시지가 `{s}`로 바뀌었어요"),
        s=C.subject(head),
    )


EXERCISE = Exercise(
    id="undo-changes",
    track="basics",
    level=2,
    title=Text(en="Undo: restore, unstage, amend", ko="되돌리기: restore, unstage, amend"),
    story=Text(
        en="Late last night you chased a nan loss on `feat/longer-sequences`. This morning "
        "you find a stray `breakpoint()` in the model code, the run's `metrics.csv` staged, "
        "and your last commit called just `stuff`. Clean up before anyone sees it.",
        ko="어젯밤 늦게 `feat/longer-sequences`에서 nan 손실을 쫓다가 잠들었어요. 아침에 보니 "
        "모델 코드에 `breakpoint()`가 남아 있고, 학습 로그 `metrics.csv`는 스테이징돼 있고, "
        "마지막 커밋 메시지는 `stuff`예요. 누가 보기 전에 정리해요.",
    ),
    goal=Text(
        en="`models/recurrent.py` is as committed, `metrics.csv` is not staged (nor committed), "
        "and the last commit has the same content under a Conventional Commit message.",
        ko="`models/recurrent.py`는 커밋된 상태 그대로, `metrics.csv`는 스테이징도 커밋도 "
        "안 된 상태이고, 마지막 커밋은 내용은 같고 메시지만 Conventional Commits 형식이에요.",
    ),
    steps=(
        Step(
            "discard",
            Text(
                en="Throw away the edit in `models/recurrent.py`",
                ko="`models/recurrent.py`의 수정을 버려요",
            ),
        ),
        Step(
            "unstage",
            Text(
                en="Unstage `lightning_logs/version_0/metrics.csv`",
                ko="`lightning_logs/version_0/metrics.csv`를 스테이징에서 내려요",
            ),
        ),
        Step(
            "message",
            Text(
                en="Give the last commit a Conventional Commit message",
                ko="마지막 커밋 메시지를 Conventional Commits 형식으로 고쳐요",
            ),
        ),
    ),
    hints=(
        Text(
            en="`git status` tells you, for each file, the command that undoes it.",
            ko="`git status`가 파일마다 되돌리는 명령을 알려 줘요.",
        ),
        Text(
            en="`git restore <file>` discards work-tree edits; `git restore --staged <file>` "
            "takes a file out of the staging area and keeps it on disk.",
            ko="`git restore <파일>`은 작업 디렉터리 수정을 버려요. `git restore --staged "
            "<파일>`은 스테이징에서만 내리고 파일은 디스크에 남겨요.",
        ),
        Text(
            en='Unstage first, then `git commit --amend -m "feat(data): …"`: an amend takes '
            "whatever is staged.",
            ko='먼저 스테이징에서 내리고 `git commit --amend -m "feat(data): …"` 하세요. '
            "amend는 스테이징된 것을 함께 넣어요.",
        ),
    ),
    solution=(
        f"git restore {BAD_FILE}",
        f"git restore --staged {LOG_FILE}",
        'git commit --amend -m "feat(data): train on sequences of length 100"',
    ),
    setup=setup,
    check=check,
    tags=("restore", "amend", "undo"),
    # The amend replaces the last commit: a rewrite the story asks for.
    may_rewrite=(f"refs/heads/{BRANCH}",),
    # Unstaged, not deleted: `git reset --hard` throws the run's metrics away.
    keeps=(LOG_FILE,),
)
