"""The invariants every exercise gets for free, judged after the exercise's own check.

An exercise's ``check`` judges what its story asks for; these judge what no story may
break, so a wrong answer cannot end in "all steps passed" only because no step looked:

- ``protected-branches``: every branch that existed after setup (local, and origin's in a
  team exercise) stays where it was, unless the exercise's ``may_change`` names it; a
  named branch only moves forward, unless ``may_rewrite`` names it. origin's branches also
  move through merged PRs (``mergecamp pr merge``) and the teammates' scripted pushes;
  a local branch may follow them (``git pull``). New branches are always fine.
- ``merge-direction``: a merge the story asks for (``Exercise.merges``) is made on the
  receiving branch (its own line stays first parent: no fast-forward onto a merge made
  the other way round) and keeps both sides (no ``git merge -s ours``).
- ``conflict-markers``: no commit the learner made adds conflict markers to a text
  file, and no file in the working tree has new ones.
- ``configs-parsed``: every YAML file a learner commit changes parses
  (``mergecamp.configs``: duplicate keys and broken YAML are refused, never grepped).
- ``kept-files``: what the story keeps (``Exercise.keeps``: a staged log, notes not to
  commit, a stashed change) survives somewhere: work tree, index, a branch or a stash.
- ``hooks-intact``: the git hooks the exercise installed are there, unchanged, and no
  learner commit skipped the commit-msg hook (``mergecamp.hooklog``).

"The learner's commits" are those reachable from a branch, a tag or HEAD, not from any
ref as it was after setup, and not authored by the scripted cast (``mergecamp.scripting``).

What the invariants compare against is recorded at the end of setup
(``record_setup``, called by ``Exercise.setup``) in ``mergecamp-setup.json`` beside the
exercise metadata: the hooks' SHA-256, the kept files' content, origin's branches.
Cheap by design (they run after every git command, in the hooks' quick check): one
``for-each-ref``, one ``git log`` for the learner's commits, one ``diff-index`` for the
working tree, blobs through the check's running ``cat-file --batch``; more only once
something moved. A violation is a failing step ``invariant:<name>`` with a ``code``.
"""

from __future__ import annotations

import contextlib
import fnmatch
import json
import os
from collections.abc import Callable, Iterable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from mergecamp import __version__
from mergecamp.exercise import StepResult
from mergecamp.i18n import Text

if TYPE_CHECKING:
    from mergecamp.exercise import Exercise
    from mergecamp.gitread import GitReader
    from mergecamp.scene import Scene

NAMES = (
    "protected-branches",
    "merge-direction",
    "conflict-markers",
    "configs-parsed",
    "kept-files",
    "hooks-intact",
)
PREFIX = "invariant:"
SETUP_FILE = "mergecamp-setup.json"
# Configs that parsed cleanly (mergecamp version, content id, path), one per line.
PARSED_FILE = "mergecamp-parsed-configs"
ORIGIN_PREFIX = "refs/remotes/origin/"

LABELS: dict[str, Text] = {
    "protected-branches": Text(
        en="Branches the story does not touch stay where they were",
        ko="스토리가 건드리지 않는 브랜치는 그대로 둬요",
    ),
    "merge-direction": Text(
        en="Merges go the way the story asks and keep both sides",
        ko="머지는 스토리가 말한 방향으로 하고 양쪽 변경을 모두 살려요",
    ),
    "conflict-markers": Text(
        en="No conflict markers in your commits or files",
        ko="커밋과 파일에 충돌 표시를 남기지 않아요",
    ),
    "configs-parsed": Text(
        en="Every config you commit parses", ko="커밋한 설정 파일은 모두 읽을 수 있어야 해요"
    ),
    "kept-files": Text(
        en="Nothing the story keeps is lost", ko="스토리가 지키라고 한 것은 잃어버리지 않아요"
    ),
    "hooks-intact": Text(
        en="The team's hooks stay in place and run on every commit",
        ko="팀 훅은 그대로 두고, 커밋할 때 건너뛰지 않아요",
    ),
}


def label(step_id: str) -> Text | None:
    """The checklist label of an ``invariant:<name>`` step, None for other ids."""
    return LABELS.get(step_id.removeprefix(PREFIX)) if step_id.startswith(PREFIX) else None


# --- texts -------------------------------------------------------------------------

MOVED = Text(
    en="`{b}` moved from `{was}` to `{now}`, but this exercise leaves `{b}` as it was. "
    "Keep your commits on a branch of their own (`git branch my-work {now7}`), then {fix}",
    ko="`{b}` 브랜치가 `{was}`에서 `{now}`(으)로 움직였어요. 이 연습에서 `{b}` 브랜치는 "
    "그대로 둬야 해요. 내 커밋은 따로 브랜치로 남겨 두고(`git branch my-work {now7}`) {fix}",
)
FIX_ON_BRANCH = Text(
    en="put it back with `git reset --hard {was7}` (you are on it)",
    ko="`git reset --hard {was7}`(으)로 되돌리세요(지금 그 브랜치에 있어요)",
)
FIX_OFF_BRANCH = Text(
    en="put it back with `git branch -f {b} {was7}`",
    ko="`git branch -f {b} {was7}`(으)로 되돌리세요",
)
DELETED = Text(
    en="`{b}` is gone, but this exercise keeps it: `git branch {b} {was7}` brings it back",
    ko="`{b}` 브랜치가 없어졌어요. 이 연습에서는 남겨 둬야 해요: `git branch {b} {was7}`(으)로 "
    "되살릴 수 있어요",
)
DELETED_UNMERGED = Text(
    en="`{b}` was deleted, and its commit `{was}` is on no other branch: "
    "`git branch {b} {was7}` brings it back (`git reflog` shows where it was last)",
    ko="`{b}` 브랜치를 지웠는데 그 커밋 `{was}`은(는) 다른 어느 브랜치에도 없어요: "
    "`git branch {b} {was7}`(으)로 되살릴 수 있어요(마지막 위치는 `git reflog`로 볼 수 있어요)",
)
TAG_MOVED = Text(
    en="The tag `{t}` moved from `{was}` to `{now}`. A tag marks a fixed point the team "
    "relies on (a release, the good end of every `git bisect`), and this exercise keeps it: "
    "put it back with `git tag -f {t} {was7}`",
    ko="`{t}` 태그가 `{was}`에서 `{now}`(으)로 옮겨졌어요. 태그는 팀이 기대는 고정된 지점"
    "(릴리스, 모든 `git bisect`의 good 끝)이라서 이 연습에서는 그대로 둬야 해요. "
    "`git tag -f {t} {was7}`(으)로 되돌리세요",
)
TAG_DELETED = Text(
    en="The tag `{t}` is gone. A tag marks a fixed point the team relies on, and this "
    "exercise keeps it: `git tag {t} {was7}` brings it back",
    ko="`{t}` 태그가 없어졌어요. 태그는 팀이 기대는 고정된 지점이라서 이 연습에서는 남겨 둬야 "
    "해요: `git tag {t} {was7}`(으)로 되살릴 수 있어요",
)
REWRITTEN = Text(
    en="`{b}` no longer contains `{was}`, where it started: its history was rewritten "
    "(rebase, reset or amend), and this story only adds commits to it. `git reflog` "
    "shows where your work went; put `{b}` back on a line that contains `{was7}`, or "
    "`mergecamp reset` to start over",
    ko="`{b}` 브랜치에 시작 커밋 `{was}`이(가) 더 이상 없어요: 히스토리를 다시 썼어요(리베이스, "
    "reset, amend). 이 스토리는 커밋을 더하기만 해요. `git reflog`로 작업을 찾아 `{was7}`을(를) "
    "포함하는 줄기로 되돌리거나, `mergecamp reset`으로 처음부터 하세요",
)
ORIGIN_MOVED = Text(
    en="origin's `{b}` has `{c}`, which came neither from a merged PR (`mergecamp pr "
    "merge`) nor from a teammate: something was pushed straight to `{b}`. The team changes "
    "`{b}` only through reviewed PRs; `mergecamp reset` starts over",
    ko="origin의 `{b}` 브랜치에 `{c}` 커밋이 있는데, 머지된 PR(`mergecamp pr merge`)에서도 "
    "팀원에게서도 온 게 아니에요: `{b}` 브랜치에 바로 푸시했어요. 팀은 `{b}` 브랜치를 리뷰된 "
    "PR로만 바꿔요. `mergecamp reset`으로 처음부터 하세요",
)
ORIGIN_REWRITTEN = Text(
    en="origin's `{b}` no longer contains `{was}`: a force-push (or a deleted and "
    "re-pushed branch) rewrote history the team has already pulled. Never force-push a "
    "shared branch; `mergecamp reset` starts over",
    ko="origin의 `{b}` 브랜치에 `{was}` 커밋이 더 이상 없어요: 강제 푸시(또는 브랜치를 지우고 "
    "다시 푸시)로 팀이 이미 받아 간 히스토리를 다시 썼어요. 함께 쓰는 브랜치에는 강제 푸시하지 "
    "않아요. `mergecamp reset`으로 처음부터 하세요",
)
ORIGIN_DELETED = Text(
    en="origin's `{b}` was deleted (`git push --delete`?). "
    "`git push origin {was}:refs/heads/{b}` puts it back",
    ko="origin의 `{b}` 브랜치가 지워졌어요(`git push --delete`?). "
    "`git push origin {was}:refs/heads/{b}`(으)로 되살릴 수 있어요",
)
DIRECTION = Text(
    en="`{r}` reached `{tip}` by a fast-forward onto a merge made the other way round: its "
    "first-parent line now runs through `{c}`, a commit of `{m}`. The story asks to merge "
    "`{m}` into `{r}`, not `{r}` into `{m}`: on `{r}`, `git reset --hard {was7}`, then "
    "`git merge {m}`",
    ko="`{r}` 브랜치가 반대 방향으로 만든 머지 커밋으로 fast-forward돼서 `{tip}`에 있어요: "
    "첫 번째 부모 줄기가 `{m}` 브랜치의 커밋 `{c}`을(를) 지나요. 스토리는 `{m}` 브랜치를 `{r}` "
    "브랜치로 머지하라는 거지, `{r}` 브랜치를 `{m}` 브랜치로 머지하라는 게 아니에요. `{r}` "
    "브랜치에서 `git reset --hard {was7}` 한 다음 `git merge {m}` 하세요",
)
FAST_FORWARD = Text(
    en="`{r}` fast-forwarded onto `{m}`: its first-parent line now runs through `{c}`, a "
    "commit of `{m}`, as if it had been made on `{r}`. The story asks for a merge made on "
    "`{r}`: there, `git reset --hard {was7}`, then `git merge --no-ff {m}`",
    ko="`{r}` 브랜치가 `{m}` 브랜치로 fast-forward됐어요: 첫 번째 부모 줄기가 `{m}` 브랜치의 "
    "커밋 `{c}`을(를) 지나서, 그 커밋들이 `{r}` 브랜치에서 만든 것처럼 보여요. 스토리는 `{r}` "
    "브랜치에서 만든 머지를 원해요: 거기서 `git reset --hard {was7}` 한 다음 "
    "`git merge --no-ff {m}` 하세요",
)
DROPPED = Text(
    en="merge `{c}` on `{r}` kept only `{r}`'s side: what `{m}` changed is gone "
    "(`git merge -s ours`, or `--ours` for every conflict). Undo it with "
    "`git reset --hard {p7}` on `{r}` and merge again, resolving each conflict by hand",
    ko="`{r}` 브랜치의 머지 커밋 `{c}`은(는) `{r}` 쪽 내용만 남겼어요: `{m}` 브랜치의 변경이 "
    "사라졌어요(`git merge -s ours`나 모든 충돌을 `--ours`로 해결). `{r}` 브랜치에서 "
    "`git reset --hard {p7}`(으)로 되돌리고 다시 머지해서 충돌을 하나씩 직접 해결하세요",
)
COMMITTED_MARKERS = Text(
    en="your commit `{c}` has conflict markers (`<<<<<<<`, `=======`, `>>>>>>>`) in `{f}`: "
    "a conflict was committed unresolved. {fix}",
    ko="내 커밋 `{c}`의 `{f}` 파일에 충돌 표시(`<<<<<<<`, `=======`, `>>>>>>>`)가 있어요: "
    "충돌을 해결하지 않은 채 커밋했어요. {fix}",
)
WORKTREE_MARKERS = Text(
    en="`{f}` in your working tree has conflict markers (`<<<<<<<`, `=======`, `>>>>>>>`): "
    "keep the lines you want, delete the marker lines, then `git add {f}`",
    ko="작업 폴더의 `{f}` 파일에 충돌 표시(`<<<<<<<`, `=======`, `>>>>>>>`)가 있어요. "
    "남길 줄만 두고 표시 줄은 지운 다음 `git add {f}` 하세요",
)
BAD_CONFIG = Text(
    en="your commit `{c}` changes `{f}`, and it does not parse: {problem}. {fix}",
    ko="내 커밋 `{c}`이(가) 바꾼 `{f}` 파일을 설정으로 읽을 수 없어요: {problem}. {fix}",
)
FIX_LAST_COMMIT = Text(
    en="Fix `{f}`, `git add {f}`, then `git commit --amend --no-edit`",
    ko="`{f}` 파일을 고치고 `git add {f}` 한 다음 `git commit --amend --no-edit` 하세요",
)
FIX_OLDER_COMMIT = Text(
    en="It is not your last commit, so a fix on top would leave it in the history "
    "(`git bisect` and your teammates would still meet it): go back before it with "
    "`git reset --hard {c7}^` (later commits stay in `git reflog`) and redo that step, "
    "or `mergecamp reset`",
    ko="마지막 커밋이 아니라서 위에 고친 커밋을 더해도 히스토리에 그대로 남아요(`git bisect`와 "
    "팀원이 계속 만나요). `git reset --hard {c7}^`로 그 전으로 돌아가서(뒤 커밋은 "
    "`git reflog`에 남아요) 그 단계를 다시 하거나, `mergecamp reset` 하세요",
)
LOST = Text(
    en="`{f}` lost what the story keeps (`{line}`): it is not in the working tree, the "
    "index, any branch or a stash. {how}",
    ko="`{f}` 파일에서 스토리가 지키라고 한 내용(`{line}`)이 사라졌어요: 작업 폴더에도, "
    "스테이징 영역에도, 어느 브랜치나 stash에도 없어요. {how}",
)
LOST_HOW_BLOB = Text(
    en="git still has the staged copy: `{mkdir}git cat-file -p {blob} > {f}` brings it back",
    ko="git에 스테이징했던 사본이 아직 있어요: "
    "`{mkdir}git cat-file -p {blob} > {f}`(으)로 되살릴 수 있어요",
)
LOST_HOW_RESET = Text(
    en="It was never committed, so git cannot bring it back: `mergecamp reset` starts over",
    ko="한 번도 커밋하지 않아서 git이 되살릴 수 없어요: `mergecamp reset`으로 처음부터 하세요",
)
HOOK_GONE = Text(
    en="the `{h}` hook this exercise installed is gone from `.git/hooks/`: the team's "
    "checks no longer run on your commits. `mergecamp reset` installs it again (and starts over)",
    ko="이 연습이 설치한 `{h}` 훅이 `.git/hooks/`에서 없어졌어요: 팀 규칙 검사가 더 이상 "
    "커밋에 돌지 않아요. `mergecamp reset`으로 다시 설치하고 처음부터 하세요",
)
HOOK_CHANGED = Text(
    en="the `{h}` hook this exercise installed was changed (`.git/hooks/{h}`): the team's "
    "checks must run as the team wrote them. `mergecamp reset` installs it again (and "
    "starts over)",
    ko="이 연습이 설치한 `{h}` 훅(`.git/hooks/{h}`)이 바뀌었어요: 팀 규칙 검사는 팀이 만든 "
    "그대로 돌아야 해요. `mergecamp reset`으로 다시 설치하고 처음부터 하세요",
)
HOOK_SKIPPED = Text(
    en="your commit `{c}` never went through the commit-msg hook (`git commit --no-verify`, "
    "`-n`, or another hooks path?): the team's hooks are not optional. {fix}",
    ko="내 커밋 `{c}`은(는) commit-msg 훅을 거치지 않았어요(`git commit --no-verify`나 `-n`, "
    "다른 훅 경로?). 팀 훅은 건너뛰지 않아요. {fix}",
)
FIX_SKIPPED_LAST = Text(
    en="`git commit --amend` runs the hooks on it now (fix the message if they ask)",
    ko="`git commit --amend`로 지금 훅을 거치게 하세요(훅이 요청하면 메시지를 고쳐요)",
)
FIX_SKIPPED_OLDER = Text(
    en="It is not your last commit: `git reset --soft {c7}^` and commit again through the "
    "hooks, or `mergecamp reset`",
    ko="마지막 커밋이 아니에요: `git reset --soft {c7}^` 후 훅을 거쳐 다시 커밋하거나 "
    "`mergecamp reset` 하세요",
)
MORE = Text(en="{first} (and {n} more like it)", ko="{first} (이런 문제가 {n}개 더 있어요)")


# --- what setup leaves behind ---------------------------------------------------------


def setup_path(root: Path) -> Path:
    """Where ``record_setup`` keeps its record: beside ``.git/mergecamp.json``."""
    git_dir = root / ".git"
    return git_dir / SETUP_FILE if git_dir.is_dir() else root / f".{SETUP_FILE}"


def record_setup(exercise: Exercise, scene: Scene) -> None:
    """Record, at the end of setup, what the invariants compare the learner's repo with:
    the exercise's hooks (name → SHA-256), the kept files, origin's branches."""
    from mergecamp.gitcmd import git

    data: dict[str, Any] = {}
    root = scene.root
    git_dir = root / ".git"
    if git_dir.is_dir():
        hooks_dir = git_dir / "hooks"
        data["hooks"] = {
            p.name: _sha256(p.read_bytes())
            for p in (sorted(hooks_dir.iterdir()) if hooks_dir.is_dir() else [])
            if p.is_file() and not p.name.endswith(".sample")
        }
        keeps: dict[str, Any] = {}
        for path in exercise.keeps:
            file = root / path
            if not file.is_file():
                raise LookupError(f"{exercise.id} keeps {path!r}, which setup did not leave")
            raw = file.read_bytes()
            now = raw.decode("utf-8", "replace")
            committed = git(root, "show", f"HEAD:{path}", check=False)
            old = {line.strip() for line in committed.splitlines()}
            added = [line.strip() for line in now.splitlines() if line.strip() not in old]
            lines = [x for x in added if x] or [x.strip() for x in now.splitlines() if x.strip()]
            keeps[path] = {"blob": _blob_sha(raw), "lines": lines}
        data["keeps"] = keeps
    origin = scene.origin
    if origin is not None and (origin / "refs").is_dir():
        out = git(origin, "for-each-ref", "--format=%(objectname) %(refname)", "refs/heads")
        data["origin"] = dict(reversed(line.split(" ", 1)) for line in out.splitlines())
    setup_path(root).write_text(json.dumps(data, indent=2, sort_keys=True), encoding="utf-8")


def _sha256(data: bytes) -> str:
    import hashlib  # here, not at the top: every check imports this module

    return hashlib.sha256(data).hexdigest()


def _blob_sha(data: bytes) -> str:
    """The id git gives ``data`` as a blob (``git hash-object``), without running git."""
    import hashlib

    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


# --- the evaluation -----------------------------------------------------------------


class Violation(NamedTuple):
    code: str
    message: Text


class LearnerCommit:
    """A commit the learner made: its parents, author email and the files it changed."""

    def __init__(self, sha: str, parents: list[str], email: str) -> None:
        self.sha = sha
        self.parents = parents
        self.email = email
        self.files: set[str] = set()


class _Seen:
    """What the invariants read, each piece read once and only when one asks for it."""

    def __init__(self, exercise: Exercise, scene: Scene, meta: dict[str, Any]) -> None:
        self.exercise = exercise
        self.scene = scene
        start = meta.get("start")
        self.start: dict[str, str] = start if isinstance(start, dict) else {}
        self.root = _learner_root(scene)
        self._since: dict[tuple[str, str, bool], dict[str, list[str]]] = {}
        self._parsed: dict[str, list[Any]] = {}
        # origin's branches that moved as the team moves them: ref → (start, now)
        self.followed: dict[str, tuple[str, str]] = {}

    @cached_property
    def repo(self) -> GitReader | None:
        if self.root is None:
            return None
        if self.root == self.scene.root:
            return self.scene.repo  # share its cat-file process
        from mergecamp.gitread import GitReader

        return GitReader(self.root)

    @cached_property
    def origin(self) -> GitReader | None:
        from mergecamp.gitread import GitError, GitReader

        try:
            return None if self.scene.origin is None else GitReader(self.scene.origin)
        except GitError:
            return None

    @cached_property
    def git_dir(self) -> Path | None:
        return None if self.root is None else self.root / ".git"

    @cached_property
    def record(self) -> dict[str, Any]:
        """What ``record_setup`` wrote; empty for an exercise built before it existed."""
        try:
            data = json.loads(setup_path(self.scene.root).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    @cached_property
    def refs(self) -> dict[str, str]:
        """Local branches and tags now, read from the ref files git keeps (no process);
        one ``for-each-ref`` when the layout is one this reader does not know."""
        if self.repo is None or self.git_dir is None:
            return {}
        files = _ref_files(self.git_dir)
        if files is not None:
            return files
        return self.repo.refs("refs/heads", "refs/tags")

    @cached_property
    def head(self) -> str | None:
        """The branch HEAD is on (``refs/heads/…``), or None when detached or unreadable."""
        try:
            text = (self.git_dir / "HEAD").read_text(encoding="utf-8").strip()  # type: ignore[operator]
        except (OSError, TypeError):
            return None
        return text[5:].strip() if text.startswith("ref: ") else None

    @cached_property
    def head_sha(self) -> str | None:
        if self.head is not None:
            return self.refs.get(self.head)
        try:
            return (self.git_dir / "HEAD").read_text(encoding="utf-8").strip()  # type: ignore[operator]
        except (OSError, TypeError):
            return None

    @cached_property
    def origin_start(self) -> dict[str, str]:
        recorded = self.record.get("origin")
        return recorded if isinstance(recorded, dict) else {}

    @cached_property
    def origin_refs(self) -> dict[str, str] | None:
        origin = self.scene.origin
        if origin is None or not self.origin_start or not (origin / "refs").is_dir():
            return None
        files = _ref_files(origin)
        if files is not None:
            return {ref: sha for ref, sha in files.items() if ref.startswith("refs/heads/")}
        if self.origin is None:
            return None
        return self.origin.refs("refs/heads")

    @cached_property
    def origin_at_setup(self) -> set[str]:
        """Every commit origin held right after setup (read only when a branch moved)."""
        from mergecamp.gitread import GitError

        if self.origin is None or not self.origin_start:
            return set()
        tips = sorted(set(self.origin_start.values()))
        try:
            return set(self.origin.run("rev-list", *tips).split())
        except GitError:
            return set()

    @cached_property
    def team_made(self) -> set[str]:
        """Commits the team put on origin: merged PRs and the teammates' scripted pushes."""
        origin = self.scene.origin
        if origin is None:
            return set()
        from mergecamp.team.origin import META_DIR

        made: set[str] = set()
        try:
            expect = json.loads((origin / META_DIR / "expect.json").read_text("utf-8"))
            made |= set(str(expect.get("scripted", "")).split())
        except (OSError, ValueError, AttributeError):
            pass
        try:
            prs = json.loads((origin / META_DIR / "prs.json").read_text("utf-8"))
            for pr in prs.get("pull_requests", []):
                if isinstance(pr, dict) and pr.get("state") == "merged" and pr.get("merged_commit"):
                    made.add(str(pr["merged_commit"]))
        except (OSError, ValueError, AttributeError):
            pass
        return made

    @cached_property
    def learner_commits(self) -> list[LearnerCommit]:
        """Commits on a branch, tag or HEAD that setup did not make, nor the cast, with the
        files each changed: one ``git log``."""
        from mergecamp.gitread import GitError
        from mergecamp.scripting import JUN, MINA, SORA, YOU

        if self.repo is None:
            return []
        cast = {p.email for p in (MINA, JUN, SORA, YOU)}
        known = {
            sha
            for sha in [*self.start.values(), *self.origin_start.values()]
            if isinstance(sha, str) and len(sha) == 40
        }
        if self.head_sha in known and set(self.refs.values()) <= known:
            return []  # every branch, tag and HEAD is where setup left some ref: nothing new
        args = (
            "--ignore-missing", "--name-only", "-z", "--no-renames",
            "--format=%x1e%H%x1f%P%x1f%ae", "--branches", "--tags", "HEAD",
            "--not", *sorted(known), "--",
        )  # fmt: skip
        try:  # a merge's files against its first parent: what the merge itself wrote
            raw = self.repo.run_bytes("log", "--diff-merges=first-parent", *args)
        except GitError:  # git before 2.31: against each parent (more files, same verdicts)
            raw = self.repo.run_bytes("log", "-m", *args)
        found: dict[str, LearnerCommit] = {}
        for record in raw.decode("utf-8", "surrogateescape").split("\x1e"):
            header, _, names = record.partition("\0")
            parts = header.split("\x1f")
            if len(parts) != 3 or parts[2] in cast or parts[0] in self.team_made:
                continue  # the scripted cast's, or a PR merge mergecamp wrote on origin
            commit = found.setdefault(parts[0], LearnerCommit(parts[0], parts[1].split(), parts[2]))
            commit.files.update(n for n in names.lstrip("\n").split("\0") if n)
        return list(found.values())

    @cached_property
    def committed_files(self) -> list[tuple[LearnerCommit, str, str, str]]:
        """(commit, path, blob sha, text) for each text file a learner commit changed."""
        found = []
        for commit in self.learner_commits:
            for path in sorted(commit.files):
                found_object = self.repo.object(f"{commit.sha}:{path}")  # type: ignore[union-attr]
                if found_object is None:
                    continue  # deleted by this commit
                sha, kind, data = found_object
                if kind == "blob" and _is_text(data):
                    found.append((commit, path, sha, data.decode("utf-8", "replace")))
        return found

    def config_problems(self, content: str, path: str, text: str | None) -> list[Any]:
        """``mergecamp.configs.config_problems`` for one file whose content ``content``
        names (a blob sha, or ``commit:path``), parsed once: YAML parsing is the slow part
        of an invariant, and the hooks check after every git command, so what parsed
        cleanly is remembered in the git directory (``PARSED_FILE``)."""
        from mergecamp.configs import config_problems

        key = f"{__version__} {content} {path}"
        if key in self._parsed:
            return self._parsed[key]
        if key in self.parsed_before:
            return []
        problems = config_problems({path: text})
        self._parsed[key] = problems
        if not problems and "\n" not in key and self.own_git_dir is not None:
            with contextlib.suppress(OSError), (self.own_git_dir / PARSED_FILE).open("a") as log:
                log.write(key + "\n")
        return problems

    @cached_property
    def own_git_dir(self) -> Path | None:
        """The git directory mergecamp built (never that of a clone the learner made)."""
        return self.git_dir if self.root == self.scene.root else None

    @cached_property
    def parsed_before(self) -> set[str]:
        if self.own_git_dir is None:
            return set()
        try:
            return set((self.own_git_dir / PARSED_FILE).read_text("utf-8", "replace").splitlines())
        except OSError:
            return set()

    def blob(self, rev: str, path: str) -> bytes | None:
        return None if self.repo is None else self.repo.read(rev, path)

    def since(self, old: str, new: str, *, origin: bool = False) -> dict[str, list[str]]:
        """Commits reachable from ``new`` and not from ``old`` (in the learner's repo, or
        in origin), each with its parents: one ``rev-list --parents`` answers ancestry,
        the first-parent line and which commits are merges."""
        key = (old, new, origin)
        if key not in self._since:
            args = ("rev-list", "--parents", new, f"^{old}", "--")
            reader = self.origin if origin else self.repo
            out = reader.run(*args)  # type: ignore[union-attr]
            self._since[key] = {
                line.split()[0]: line.split()[1:] for line in out.splitlines() if line.strip()
            }
        return self._since[key]

    def is_ancestor(self, old: str, new: str, *, origin: bool = False) -> bool:
        """Is ``old`` reachable from ``new`` (or equal)? Some commit past ``old`` on the way
        to ``new`` has it as a parent exactly when it is."""
        if old == new:
            return True
        try:
            graph = self.since(old, new, origin=origin)
        except Exception:
            return False
        return any(old in parents for parents in graph.values())

    def first_parent_line(self, old: str, new: str, *, origin: bool = False) -> list[str]:
        """``new``'s first-parent history down to (not including) ``old``'s history."""
        graph = self.since(old, new, origin=origin)
        line, sha = [], new
        while sha in graph and sha not in line:
            line.append(sha)
            parents = graph[sha]
            if not parents:
                break
            sha = parents[0]
        return line

    def peeled(self, sha: str) -> str:
        """The commit an object names (an annotated tag's target), or ``sha`` itself."""
        return (self.repo.ref(sha) if self.repo is not None else None) or sha

    def describe(self, sha: str) -> str:
        """``abc1234 subject`` for messages."""
        try:
            subject = self.repo.commit(sha).subject  # type: ignore[union-attr]
        except Exception:
            subject = ""
        return f"{sha[:7]} {_shown(subject)}".strip()


_HEX = frozenset("0123456789abcdef")


def _ref_files(git_dir: Path) -> dict[str, str] | None:
    """Branches and tags from ``packed-refs`` and the loose files under ``refs/`` (loose
    wins, as in git). None when something is unusual (reftable, a symbolic ref, a file
    that is not a sha): the caller asks git instead."""
    if (git_dir / "reftable").exists() or not git_dir.is_dir():
        return None
    refs: dict[str, str] = {}
    try:
        packed = (git_dir / "packed-refs").read_text("utf-8", "surrogateescape")
    except FileNotFoundError:
        packed = ""
    except OSError:
        return None
    for line in packed.splitlines():
        if line.startswith(("#", "^")) or not line.strip():
            continue
        sha, _, name = line.partition(" ")
        if name.startswith(("refs/heads/", "refs/tags/")):
            refs[name] = sha
    for top in ("heads", "tags"):
        base = git_dir / "refs" / top
        for folder, _dirs, names in os.walk(base):
            for name in names:
                if name.endswith(".lock"):
                    continue  # a ref being written right now; git never names a ref so
                path = Path(folder, name)
                try:
                    sha = path.read_text("ascii").strip()
                except (OSError, UnicodeDecodeError):
                    return None
                if len(sha) != 40 or not set(sha) <= _HEX:
                    return None
                refs["refs/" + path.relative_to(git_dir / "refs").as_posix()] = sha
    return refs


def _learner_root(scene: Scene) -> Path | None:
    """The learner's repository: the exercise folder, or (clone-and-push) the clone the
    learner made inside it of the team's origin."""
    if (scene.root / ".git").exists():
        return scene.root
    origin = scene.origin
    if origin is None or not scene.root.is_dir():
        return None
    from mergecamp.team.origin import remote_path

    for child in sorted(scene.root.iterdir()):
        if (child / ".git").is_dir() and remote_path(child) == origin.resolve():
            return child
    return None


def _matches(patterns: Iterable[str], ref: str) -> bool:
    return any(fnmatch.fnmatchcase(ref, pattern) for pattern in patterns)


def _shown(text: str, limit: int = 60) -> str:
    """Text from a commit or a file, safe inside a `code` span and a terminal."""
    clean = "".join(ch if ch.isprintable() and ch != "`" else "?" for ch in text)
    return clean if len(clean) <= limit else clean[: limit - 1] + "…"


# --- protected branches ---------------------------------------------------------------


def _branches(seen: _Seen) -> list[Violation]:
    found: list[Violation] = []
    change = (*seen.exercise.may_change, *seen.exercise.may_rewrite)
    rewrite = seen.exercise.may_rewrite
    origin_now = seen.origin_refs
    on_origin: list[Violation] = []
    if origin_now is not None:
        for ref, was in sorted(seen.origin_start.items()):
            wrong = _origin_branch(seen, ref, was, origin_now.get(ref), change, rewrite)
            if not wrong and origin_now.get(ref):
                seen.followed[ref] = (was, origin_now[ref])
            on_origin += wrong
    if seen.repo is not None and seen.root == seen.scene.root:
        for ref, was in sorted(seen.start.items()):
            if ref.startswith("refs/heads/") and isinstance(was, str):
                found += _local_branch(seen, ref, was, change, rewrite)
            elif ref.startswith("refs/tags/") and isinstance(was, str):
                found += _tag(seen, ref, was, change)
    return found + on_origin


def _tag(seen: _Seen, ref: str, was: str, change: tuple[str, ...]) -> list[Violation]:
    """A tag setup made stays on its commit, unless the story lets it move."""
    now, name = seen.refs.get(ref), ref.removeprefix("refs/tags/")
    if now == was or _matches(change, ref):
        return []
    was_commit = seen.peeled(was)
    if now is None:
        text = TAG_DELETED.format(t=name, was7=was_commit[:7])
        return [Violation("protected-tag-deleted", text)]
    now_commit = seen.peeled(now)
    if now_commit == was_commit:
        return []  # the same commit, tagged anew (an annotated tag made lightweight)
    text = TAG_MOVED.format(
        t=name, was=seen.describe(was_commit), now=seen.describe(now_commit), was7=was_commit[:7]
    )
    return [Violation("protected-tag-moved", text)]


def _local_branch(
    seen: _Seen, ref: str, was: str, change: tuple[str, ...], rewrite: tuple[str, ...]
) -> list[Violation]:
    now = seen.refs.get(ref)
    name = ref.removeprefix("refs/heads/")
    if now == was:
        return []
    if now is None:
        if _matches(seen.exercise.may_delete, ref):
            return []  # a failed experiment thrown away (`git branch -D`)
        if not _matches(change, ref):
            return [Violation("protected-branch-deleted", DELETED.format(b=name, was7=was[:7]))]
        if _contained_elsewhere(seen, was):
            return []
        text = DELETED_UNMERGED.format(b=name, was=seen.describe(was), was7=was[:7])
        return [Violation("branch-deleted", text)]
    if _matches(rewrite, ref):
        return []
    if seen.followed.get(ref) == (was, now):
        return []  # `git pull`: the same move origin's branch made, judged there
    forward = seen.is_ancestor(was, now)
    if _matches(change, ref):
        if forward:
            return []
        text = REWRITTEN.format(b=name, was=seen.describe(was), was7=was[:7])
        return [Violation("branch-rewritten", text)]
    if forward and _team_line(seen, was, now):
        return []  # `git pull` of merged PRs and teammates' pushes
    fix = (FIX_ON_BRANCH if seen.head == ref else FIX_OFF_BRANCH).format(b=name, was7=was[:7])
    text = _compose(
        MOVED, fix=fix, b=name, was=seen.describe(was), now=seen.describe(now), now7=now[:7]
    )
    return [Violation("protected-branch-moved", text)]


def _compose(template: Text, **fields: object) -> Text:
    """``template.format`` where a field may itself be a ``Text`` (each language its own)."""
    en = {k: v.en if isinstance(v, Text) else v for k, v in fields.items()}
    ko = {k: v.ko if isinstance(v, Text) else v for k, v in fields.items()}
    return Text(en=template.en.format(**en), ko=template.ko.format(**ko))


def _contained_elsewhere(seen: _Seen, sha: str) -> bool:
    """Is ``sha`` on some branch still (the mark of `git branch -d` after a merge)?"""
    if sha in (v for k, v in seen.refs.items() if k.startswith("refs/heads/")):
        return True  # the tip of another branch (a rename, a branch never moved)
    try:
        return bool(seen.repo.refs_containing(sha))  # type: ignore[union-attr]
    except Exception:
        return False


def _team_line(seen: _Seen, was: str, now: str) -> bool:
    """Is every commit on ``now``'s first-parent line since ``was`` the team's own (a
    merged PR, a teammate's push)? Read in the learner's repo, where a pull brought them."""
    if not seen.team_made:
        return False
    line = seen.first_parent_line(was, now)
    return bool(line) and all(sha in seen.team_made for sha in line)


def _origin_branch(
    seen: _Seen,
    ref: str,
    was: str,
    now: str | None,
    change: tuple[str, ...],
    rewrite: tuple[str, ...],
) -> list[Violation]:
    from mergecamp.gitcmd import git

    origin = seen.scene.origin
    assert origin is not None
    name = ref.removeprefix("refs/heads/")
    alias = ORIGIN_PREFIX + name
    if now == was:
        return []
    if now is None:
        if _matches(change, alias):
            return []
        return [Violation("protected-branch-deleted", ORIGIN_DELETED.format(b=name, was=was[:7]))]
    if _matches(rewrite, alias):
        return []
    if not seen.is_ancestor(was, now, origin=True):
        return [Violation("branch-rewritten", ORIGIN_REWRITTEN.format(b=name, was=was[:7]))]
    if _matches(change, alias):
        return []
    line = seen.first_parent_line(was, now, origin=True)
    # The team's commits count only where the team put them: one that was already on
    # another branch at setup (Jun's work on exp/tuning) arriving here was moved by hand.
    stray = [sha for sha in line if sha not in seen.team_made or sha in seen.origin_at_setup]
    if not stray:
        return []
    subject = git(origin, "log", "-1", "--format=%s", stray[-1], check=False)
    shown = f"{stray[-1][:7]} {_shown(subject)}".strip()
    return [Violation("protected-branch-moved", ORIGIN_MOVED.format(b=name, c=shown))]


# --- merge direction --------------------------------------------------------------------


def _merges(seen: _Seen) -> list[Violation]:
    from mergecamp import checks as C

    found: list[Violation] = []
    repo = seen.repo
    if repo is None or seen.root != seen.scene.root:
        return found
    for receiving, merged in seen.exercise.merges:
        r_start, m_start = seen.start.get(receiving), seen.start.get(merged)
        r_now = seen.refs.get(receiving)
        if not r_start or not m_start or r_now is None or r_now == r_start:
            continue
        if not seen.is_ancestor(r_start, r_now):
            continue  # a rewrite: protected-branches speaks about it
        r_name = receiving.removeprefix("refs/heads/")
        m_name = merged.removeprefix("refs/heads/")
        line = seen.first_parent_line(r_start, r_now)
        theirs = _line_of(seen.since(r_start, r_now), m_start)
        intruder = next((sha for sha in line if sha in theirs), None)
        if intruder is not None:
            made_there = any(len(seen.since(r_start, r_now)[sha]) > 1 for sha in line)
            text = (DIRECTION if made_there else FAST_FORWARD).format(
                r=r_name, m=m_name, tip=seen.describe(r_now), c=seen.describe(intruder),
                was7=r_start[:7],
            )  # fmt: skip
            found.append(Violation("merge-direction", text))
            continue
        for sha in line:
            commit = repo.commit(sha)
            if commit.is_merge and C.dropped_side(repo, commit):
                first = commit.parents[0]
                text = DROPPED.format(r=r_name, m=m_name, c=seen.describe(sha), p7=first[:7])
                found.append(Violation("merge-dropped-side", text))
                break
    return found


def _line_of(graph: dict[str, list[str]], tip: str) -> set[str]:
    """The commits of ``graph`` (all past the receiving branch's start) reachable from
    ``tip``: the merged-in branch's own line. Empty when ``tip`` was never merged."""
    line: set[str] = set()
    stack = [tip]
    while stack:
        sha = stack.pop()
        if sha in graph and sha not in line:
            line.add(sha)
            stack.extend(graph[sha])
    return line


# --- conflict markers and configs -------------------------------------------------------


def _is_text(data: bytes) -> bool:
    return b"\0" not in data[:8000]


def _parent_text(seen: _Seen, commit: LearnerCommit, path: str) -> str | None:
    if not commit.parents:
        return None
    data = seen.blob(commit.parents[0], path)
    return None if data is None else data.decode("utf-8", "replace")


def _fix_commit(seen: _Seen, commit: LearnerCommit, path: str) -> Text:
    if commit.sha == seen.head_sha:
        return FIX_LAST_COMMIT.format(f=path)
    return FIX_OLDER_COMMIT.format(c7=commit.sha[:7])


def _marker_lines(text: str | None) -> int:
    """How many lines of ``text`` are conflict markers (as ``checks.has_markers`` sees them)."""
    from mergecamp.checks import _MARKER

    return len(_MARKER.findall(text)) if text else 0


def _new_markers(text: str, before: str | None) -> bool:
    """Did ``text`` gain marker lines over ``before``? A file that already had a line of
    seven '=' (a heading underline) before the learner came is not theirs to answer for."""
    count = _marker_lines(text)
    return count > 0 and count > _marker_lines(before)


def _markers(seen: _Seen) -> list[Violation]:
    found: list[Violation] = []
    for commit, path, _blob, text in seen.committed_files:
        # Only markers this commit brought (more marker lines than its first parent had).
        if _marker_lines(text) and _new_markers(text, _parent_text(seen, commit, path)):
            fix = _fix_commit(seen, commit, path)
            text_ = _compose(COMMITTED_MARKERS, c=seen.describe(commit.sha), f=path, fix=fix)
            found.append(Violation("conflict-markers", text_))
    found += _worktree_markers(seen)
    return found


def _worktree_markers(seen: _Seen) -> list[Violation]:
    from mergecamp.state import read_state

    if seen.repo is None or seen.root is None or seen.git_dir is None:
        return []
    if read_state(seen.git_dir).operation in ("merge", "cherry-pick", "revert", "rebase", "am"):
        return []  # markers are expected mid-way; the state line says how to finish
    try:
        out = seen.repo.run_bytes("diff-index", "--name-only", "-z", "HEAD", "--")
    except Exception:
        return []
    found = []
    for raw in sorted(set(out.split(b"\0")) - {b""}):
        path = raw.decode("utf-8", "surrogateescape")
        try:
            data = (seen.root / path).read_bytes()
        except OSError:
            continue
        if not _is_text(data) or not _marker_lines(text := data.decode("utf-8", "replace")):
            continue
        committed = seen.blob("HEAD", path)
        if not _new_markers(
            text, None if committed is None else committed.decode("utf-8", "replace")
        ):
            continue
        found.append(Violation("conflict-markers", WORKTREE_MARKERS.format(f=path)))
    return found


def _configs(seen: _Seen) -> list[Violation]:
    from mergecamp.checks import has_markers

    found: list[Violation] = []
    for commit, path, blob, text in seen.committed_files:
        if not path.lower().endswith((".yaml", ".yml")) or has_markers(text):
            continue  # markers are the conflict-markers invariant's to name
        problems = seen.config_problems(blob, path, text)
        # Only a break this commit made: a file that did not parse before is judged there.
        parent = f"{commit.parents[0]}:{path}" if commit.parents else ""
        if not problems or seen.config_problems(parent, path, _parent_text(seen, commit, path)):
            continue
        error = problems[0]
        code = error.code if error.code.startswith("config-") else f"config-{error.code}"
        text_ = _compose(
            BAD_CONFIG,
            c=seen.describe(commit.sha),
            f=path,
            problem=error.message,
            fix=_fix_commit(seen, commit, path),
        )
        found.append(Violation(code, text_))
    return found


# --- kept files -------------------------------------------------------------------------


def _kept(seen: _Seen) -> list[Violation]:
    keeps = seen.record.get("keeps") or {}
    if not isinstance(keeps, dict) or seen.root is None or seen.root != seen.scene.root:
        return []
    found = []
    for path, kept in sorted(keeps.items()):
        if not isinstance(kept, dict):
            continue
        lines = [str(x) for x in kept.get("lines") or []]
        blob = str(kept.get("blob") or "")
        missing = _first_missing(seen, path, lines)
        if missing is None:
            continue
        how = LOST_HOW_RESET
        if blob and _has_object(seen, blob):
            folder = Path(path).parent.as_posix()
            mkdir = "" if (seen.root / folder).is_dir() else f"mkdir -p {folder} && "
            how = LOST_HOW_BLOB.format(mkdir=mkdir, blob=blob[:12], f=path)
        text = _compose(LOST, f=path, line=_shown(missing), how=how)
        found.append(Violation("kept-file-lost", text))
    return found


def _has_object(seen: _Seen, sha: str) -> bool:
    found = seen.repo.object(sha) if seen.repo is not None else None
    return found is not None and found[1] == "blob"


def _first_missing(seen: _Seen, path: str, lines: list[str]) -> str | None:
    """None when some copy of ``path`` has every kept line, else the first line missing
    from the work tree's copy. The work tree is read first, without git."""
    try:
        data = (seen.root / path).read_bytes()  # type: ignore[operator]
    except OSError:
        data = None
    if data is not None and _has_lines(data, lines):
        return None
    for rev in _candidates(seen):
        other = seen.blob(rev, path)
        if other is not None and _has_lines(other, lines):
            return None
    have = set() if data is None else _line_set(data)
    return next((line for line in lines if line not in have), lines[0] if lines else path)


def _line_set(data: bytes) -> set[str]:
    return {line.strip() for line in data.decode("utf-8", "replace").splitlines()}


def _has_lines(data: bytes, lines: list[str]) -> bool:
    return set(lines) <= _line_set(data)


def _candidates(seen: _Seen) -> list[str]:
    """Revisions that may hold a kept file: the index, HEAD, every branch, every stash
    entry (its work tree, index and untracked files)."""
    revs = ["", "HEAD", *(ref for ref in seen.refs if ref.startswith("refs/heads/"))]
    try:
        log = (seen.git_dir / "logs" / "refs" / "stash").read_text("utf-8")  # type: ignore[operator]
    except (OSError, TypeError):
        log = ""
    for line in log.splitlines():
        parts = line.split(" ", 2)
        if len(parts) >= 2 and len(parts[1]) == 40:
            revs += [parts[1], f"{parts[1]}^2", f"{parts[1]}^3"]
    return revs


# --- hooks --------------------------------------------------------------------------------


def _hooks(seen: _Seen) -> list[Violation]:
    from mergecamp import hooklog

    hooks = seen.record.get("hooks") or {}
    if not isinstance(hooks, dict) or seen.root != seen.scene.root or seen.git_dir is None:
        return []
    found = []
    for name, digest in sorted(hooks.items()):
        path = seen.git_dir / "hooks" / name
        try:
            data = path.read_bytes()
        except OSError:
            found.append(Violation("hook-changed", HOOK_GONE.format(h=name)))
            continue
        if _sha256(data) != digest:
            found.append(Violation("hook-changed", HOOK_CHANGED.format(h=name)))
    if "commit-msg" not in hooks:
        return found
    accepted = hooklog.accepted(seen.git_dir)
    for commit in seen.learner_commits:
        message = seen.repo.commit(commit.sha).message  # type: ignore[union-attr]
        if hooklog.digest(message) in accepted:
            continue
        fix = (
            FIX_SKIPPED_LAST
            if commit.sha == seen.head_sha
            else FIX_SKIPPED_OLDER.format(c7=commit.sha[:7])
        )
        text = _compose(HOOK_SKIPPED, c=seen.describe(commit.sha), fix=fix)
        found.append(Violation("hook-skipped", text))
    return found


_JUDGES: dict[str, Callable[[_Seen], list[Violation]]] = {
    "protected-branches": _branches,
    "merge-direction": _merges,
    "conflict-markers": _markers,
    "configs-parsed": _configs,
    "kept-files": _kept,
    "hooks-intact": _hooks,
}


def evaluate(exercise: Exercise, scene: Scene, meta: dict[str, Any]) -> list[StepResult]:
    """A failing step for each invariant the repository breaks now; nothing otherwise.

    Never raises: an invariant that cannot read the repository says nothing (the
    exercise's own steps already speak about an unreadable repository)."""
    try:
        seen = _Seen(exercise, scene, meta)
    except Exception:
        return []
    steps = []
    for name in NAMES:
        if name in exercise.invariants_off:
            continue
        try:
            found = _JUDGES[name](seen)
        except Exception:
            if os.environ.get("MERGECAMP_DEBUG"):
                raise
            continue
        if not found:
            continue
        message = found[0].message
        if len(found) > 1:
            message = _compose(MORE, first=message, n=len(found) - 1)
        steps.append(StepResult(PREFIX + name, False, message, code=found[0].code))
    return steps
