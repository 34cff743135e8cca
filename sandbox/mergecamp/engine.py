"""The exercise engine: build an exercise, find it again, check it, reset it.

Public interface (the CLI, the team track and onboarding rely on these names):

- ``start(exercise_id, workspace, *, force=False) -> Scene``: builds the exercise in
  ``<workspace>/.mergecamp/build-…/`` and moves it to ``<workspace>/<id>`` (and
  ``<workspace>/<id>-team`` when ``Exercise.team_folder`` is set) only once setup has
  succeeded, so an interrupted or failed setup leaves nothing half-built. Absolute
  build paths in git configs (remote URLs, alternates, hooks paths) are rewritten
  before the move. With ``force`` an existing exercise is replaced atomically (see
  ``mergecamp.replace``): the old folders are renamed aside whole, so a shell sitting
  in one must ``cd`` again afterwards.
- ``existing(exercise_id, workspace) -> list[Path]``: the exercise's folders already
  there, all of them built by mergecamp for this workspace, or a refusal.
- ``locate(workspace, cwd, exercise_id=None) -> Scene``: the exercise named by id, or
  the one containing ``cwd``; ``MergecampError`` with a helpful text otherwise.
  ``locate_built`` is the same without requiring the metadata (for ``reset``).
- ``run_check(scene) -> CheckReport``: never raises on a hostile repository state.
- ``reset(scene) -> Scene``: back to the state right after ``start``.
- ``recover(workspace)``: finishes or undoes an interrupted replacement.

Safety: mergecamp replaces or deletes only a folder it built. Every built folder
carries a marker (``mergecamp.marker``) naming the exercise, the workspace and the
folder's own path; the workspace of an exercise found from ``cwd`` is the one in its
marker, never the parent folder. A folder without a marker, a copy of an exercise
(its marker names another path) or a symbolic link is refused whatever the flags.
Set-up runs git without the learner's global and system config
(``mergecamp.gitcmd.isolated``); every repository built pins ``core.hooksPath`` to its
own hooks folder.

Metadata (id, version, template hash, start refs) lives in ``.git/mergecamp.json``
(see ``mergecamp.meta``). Nothing here writes outside the workspace.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mergecamp import __version__, replace, tracks
from mergecamp.errors import MergecampError
from mergecamp.exercise import StepResult
from mergecamp.i18n import Lang, Text
from mergecamp.marker import COPY, MISSING, OWNED, Marker, read_marker, verdict, write_marker
from mergecamp.meta import read_meta, update_meta, write_meta
from mergecamp.scene import Scene
from mergecamp.state import RepoState, read_state

if TYPE_CHECKING:
    from mergecamp.exercise import Exercise

STATE_DIR = replace.STATE_DIR


@dataclass
class CheckReport:
    """The checklist for one exercise: every step's verdict, plus the repository state."""

    exercise_id: str
    passed: bool
    steps: list[StepResult]
    state: Text | None = None  # e.g. "a merge is in progress: …", None when ordinary
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self, lang: Lang) -> dict[str, Any]:
        data: dict[str, Any] = {
            "exercise": self.exercise_id,
            "passed": self.passed,
            "steps": [
                {
                    "id": s.id,
                    "passed": s.passed,
                    "judged": s.judged,
                    "message": s.message(lang),
                    "code": s.code,
                }
                for s in self.steps
            ],
        }
        if self.state is not None:
            data["state"] = self.state(lang)
        return data

    def first_failure(self) -> StepResult | None:
        return next((s for s in self.steps if not s.passed), None)


def check_json(
    report: CheckReport, lang: Lang, counts: dict[str, int], hints_shown: int
) -> dict[str, Any]:
    """What ``check --json`` prints, and what ``watch`` serves as its checklist: one
    builder, so the two never disagree. ``counts`` (failures in a row per step, see
    ``help_stages``) and ``hints_shown`` decide whether a step's exact command shows."""
    from mergecamp import help_stages

    data = report.to_json(lang)
    for step, entry in zip(report.steps, data["steps"], strict=True):
        if help_stages.fix_shown(step, counts, hints_shown):
            entry["fix"] = step.fix
    return data


# --- texts -----------------------------------------------------------------------

UNKNOWN = Text(
    en="There is no exercise `{id}`. `mergecamp list` shows them all.",
    ko="`{id}`(이)라는 연습은 없어요. `mergecamp list`로 전체 목록을 볼 수 있어요.",
)
ALREADY = Text(
    en="`{path}` already exists: you started `{id}` before. Run `mergecamp start {id} --force` "
    "to throw that work away and start over, or `cd {path}` to continue.",
    ko="`{path}`이(가) 이미 있어요: 전에 `{id}`을(를) 시작했어요. 처음부터 다시 하려면 "
    "`mergecamp start {id} --force`(작업이 사라져요), 이어서 하려면 `cd {path}` 하세요.",
)
NOT_BUILT = Text(
    en="`{path}` was not built by mergecamp (it has no mergecamp marker), so mergecamp "
    "will not replace, reset or delete it, whatever the flags. If you want `{id}` there, "
    "move or rename that folder yourself, then run `mergecamp start {id}`.",
    ko="`{path}`은(는) mergecamp가 만든 폴더가 아니에요(mergecamp 표시가 없어요). 그래서 "
    "어떤 옵션을 줘도 mergecamp는 이 폴더를 바꾸거나 되돌리거나 지우지 않아요. 거기에 "
    "`{id}`을(를) 만들고 싶으면 그 폴더를 직접 옮기거나 이름을 바꾼 다음 "
    "`mergecamp start {id}` 하세요.",
)
IS_LINK = Text(
    en="`{path}` is a symbolic link, not a folder mergecamp built, so mergecamp will not "
    "replace, reset or delete it (nor follow it). Remove the link yourself (`rm {path}` "
    "removes only the link), then run `mergecamp start {id}`.",
    ko="`{path}`은(는) 심볼릭 링크라서 mergecamp가 만든 폴더가 아니에요. 그래서 mergecamp는 "
    "이걸 바꾸거나 되돌리거나 지우지 않고, 링크를 따라가지도 않아요. 링크를 직접 "
    "지운 다음(`rm {path}`은(는) 링크만 지워요) `mergecamp start {id}` 하세요.",
)
COPIED = Text(
    en="`{path}` is a copy of the exercise `{id}` from the workspace {workspace}, not the "
    "exercise itself, so mergecamp will not reset, replace or check it, nor touch anything "
    "beside it. To work on the original: `cd {original}`. To start `{id}` afresh: "
    "`mergecamp start {id}`.",
    ko="`{path}`은(는) 작업 공간 {workspace}에 있는 `{id}` 연습의 복사본이에요. 연습 자체가 "
    "아니라서 mergecamp는 이걸 되돌리거나 바꾸거나 확인하지 않고, 옆에 있는 폴더도 "
    "건드리지 않아요. 원래 연습에서 하려면 `cd {original}` 하세요. `{id}`을(를) 처음부터 "
    "하려면 `mergecamp start {id}` 하세요.",
)
SETUP_FAILED = Text(
    en="Could not build `{id}`: {error}. Nothing was left half-built in the workspace.",
    ko="`{id}`을(를) 만들지 못했어요: {error}. 작업 공간에 반쯤 만든 것은 남기지 않았어요.",
)
NOT_STARTED = Text(
    en="`{id}` is not started in {workspace}. Run `mergecamp start {id}` first.",
    ko="{workspace}에서 `{id}`을(를) 아직 시작하지 않았어요. 먼저 `mergecamp start {id}` 하세요.",
)
META_GONE = Text(
    en="`{path}` looks like the exercise `{id}`, but its mergecamp data "
    "(.git/mergecamp.json) is gone, so mergecamp cannot tell where it started. "
    "`mergecamp start {id} --force` builds it again.",
    ko="`{path}`은(는) `{id}` 연습 같은데 mergecamp 정보(.git/mergecamp.json)가 없어서 "
    "시작 상태를 알 수 없어요. `mergecamp start {id} --force`로 다시 만들 수 있어요.",
)
UNMARKED = Text(
    en="`{path}` has mergecamp data for `{id}` but no mark of the folder mergecamp built "
    "(an older mergecamp made it, or it was copied), so mergecamp cannot tell which "
    "workspace it belongs to and leaves it alone. Move it aside and run "
    "`mergecamp start {id}` to build it again.",
    ko="`{path}`에 `{id}`의 mergecamp 정보는 있지만 mergecamp가 만든 폴더라는 표시가 "
    "없어요(예전 mergecamp가 만들었거나 복사한 폴더예요). 어느 작업 공간의 것인지 알 수 "
    "없어서 건드리지 않을게요. 옆으로 옮겨 두고 `mergecamp start {id}`(으)로 다시 만드세요.",
)
NOT_EXERCISE = Text(
    en="`{path}` is a git repository, but not a mergecamp exercise. `cd` into an exercise "
    "(`mergecamp list` shows them) or name one: `mergecamp check <id>`.",
    ko="`{path}`은(는) git 저장소지만 mergecamp 연습은 아니에요. 연습 폴더로 `cd` 하거나 "
    "(`mergecamp list`에서 확인) 이름을 주세요: `mergecamp check <id>`.",
)
OUTSIDE = Text(
    en="You are not inside an exercise ({cwd}). `cd` into one, or name it: "
    "`mergecamp check <id>`. `mergecamp list` shows the exercises.",
    ko="지금 위치({cwd})는 연습 폴더가 아니에요. 연습 폴더로 `cd` 하거나 이름을 주세요: "
    "`mergecamp check <id>`. `mergecamp list`로 연습 목록을 볼 수 있어요.",
)
TEAMMATE = Text(
    en="You are in `{path}`, the teammates' side of `{id}` (their clones and the shared "
    "origin). Your own clone is `{mine}`: `cd {mine}` and work there.",
    ko="지금 `{path}`에 있어요. 여기는 `{id}`의 팀원 쪽(팀원 클론과 공용 origin)이에요. "
    "내 저장소는 `{mine}`(이)에요: `cd {mine}` 해서 거기서 작업하세요.",
)
CHECK_CRASHED = Text(
    en="mergecamp could not read the repository in its current state ({error}). "
    "`git status` shows what is going on; `mergecamp reset` starts the exercise over.",
    ko="지금 상태의 저장소를 읽지 못했어요({error}). `git status`로 상황을 확인하고, "
    "처음부터 하려면 `mergecamp reset` 하세요.",
)
REPO_GONE = Text(
    en="`{path}` is no longer a git repository. `mergecamp reset` builds the exercise again.",
    ko="`{path}`이(가) 더 이상 git 저장소가 아니에요. `mergecamp reset`으로 다시 만들 수 있어요.",
)


# --- exercises ---------------------------------------------------------------------


def load_exercise(exercise_id: str) -> Exercise:
    """The exercise, or a ``MergecampError`` naming the unknown id."""
    try:
        return tracks.load(exercise_id)
    except (KeyError, ModuleNotFoundError):
        raise MergecampError(UNKNOWN.format(id=exercise_id)) from None


def _folders(exercise: Exercise, workspace: Path) -> tuple[Path, Path | None]:
    root = workspace / exercise.id
    team = workspace / f"{exercise.id}-team" if exercise.team_folder else None
    return root, team


# --- start -------------------------------------------------------------------------


def start(exercise_id: str, workspace: Path, *, force: bool = False) -> Scene:
    """Build the exercise and move it into place; see the module docstring."""
    exercise = load_exercise(exercise_id)
    workspace = workspace.expanduser().resolve()
    root, team = _folders(exercise, workspace)
    # Refuse before writing anything (not even .mergecamp/) beside a foreign folder.
    if existing(exercise.id, workspace) and not force:
        raise MergecampError(ALREADY.format(path=root, id=exercise.id), exit_code=3)
    state_dir = replace.state_dir(workspace)
    with replace.workspace_lock(state_dir):
        replace.recover(workspace, locked=True)
        if _existing(exercise, workspace) and not force:
            raise MergecampError(ALREADY.format(path=root, id=exercise.id), exit_code=3)
        folders = [root.name] + ([team.name] if team is not None else [])
        build = replace.new_build(state_dir, exercise.id, folders)
        try:
            _build(exercise, workspace, state_dir, build)
            replace.swap(workspace, build)
        except BaseException:
            # Undo (or finish) what was moved; if even that fails, the next command does.
            with contextlib.suppress(Exception):
                replace.recover_op(workspace, build)
            raise
    return Scene(exercise.id, workspace, root, team)


def _build(exercise: Exercise, workspace: Path, state_dir: Path, build: Path) -> None:
    """Set the exercise up in ``build``, with git isolated from the learner's config,
    then pin hooks, rewrite build paths and write the markers (last: a folder with a
    marker in a build folder is complete)."""
    from mergecamp.gitcmd import isolated

    root, team = _folders(exercise, workspace)
    build_root = build / root.name
    build_root.mkdir()
    build_team = None
    if team is not None:
        build_team = build / team.name
        build_team.mkdir()
    scene = Scene(exercise.id, workspace, build_root, build_team)
    try:
        with _hooks_silenced(), isolated():
            if not (team is None and _from_built_cache(exercise, state_dir, build_root)):
                exercise.setup(scene)
                _finish(exercise, build_root)
                # What the invariants compare against, hooks included (installed just now).
                from mergecamp.invariants import record_setup

                record_setup(exercise, scene)
                if team is None:
                    _store_built_cache(exercise, state_dir, build_root)
            for folder in (build_root, build_team):
                if folder is not None:
                    _pin_hooks(folder)
        if (build_root / ".git").is_dir():
            _ensure_identity(build_root)  # the learner's own config decides
    except MergecampError:
        raise
    except Exception as exc:
        raise MergecampError(
            SETUP_FAILED.format(id=exercise.id, error=f"{type(exc).__name__}: {exc}")
        ) from exc
    moves = [(build_root, root)] + ([(build_team, team)] if team and build_team else [])
    mapping = {str(src): str(dst) for src, dst in moves}
    for src, _dst in moves:
        _rewrite_paths(src, mapping)
    op = replace.op_of(build)
    for (src, dst), kind in zip(moves, ("exercise", "team"), strict=False):
        write_marker(src, Marker(exercise.id, kind, str(workspace), str(dst), op))


def existing(exercise_id: str, workspace: Path) -> list[Path]:
    """The exercise's folders already in ``workspace``, every one built there by mergecamp;
    a ``MergecampError`` saying why otherwise (a foreign folder, a copy, a link).

    Finishes an interrupted replacement first (``recover``), so a folder renamed aside
    by a killed ``reset`` is back before anyone asks about it.
    """
    exercise = load_exercise(exercise_id)
    workspace = workspace.expanduser().resolve()
    recover(workspace)
    return _existing(exercise, workspace)


def _existing(exercise: Exercise, workspace: Path) -> list[Path]:
    root, team = _folders(exercise, workspace)
    found = []
    for folder, kind in ((root, "exercise"), (team, "team")):
        if folder is None:
            continue
        seen = verdict(folder, exercise.id, kind, workspace)  # type: ignore[arg-type]
        if seen == MISSING:
            continue
        if seen != OWNED:
            raise _refusal(folder, exercise.id, seen)
        found.append(folder)
    return found


def _refusal(folder: Path, exercise_id: str, seen: str) -> MergecampError:
    """Why mergecamp will not touch ``folder`` (exit code 3: something is in the way)."""
    if folder.is_symlink():
        return MergecampError(IS_LINK.format(path=folder, id=exercise_id), exit_code=3)
    mark = read_marker(folder)
    if seen == COPY and mark is not None:
        original = Path(mark.path)
        if mark.kind == "team":
            original = Path(mark.workspace) / mark.exercise
        text = COPIED.format(
            path=folder, id=mark.exercise, workspace=mark.workspace, original=original
        )
        return MergecampError(text, exit_code=3)
    return MergecampError(NOT_BUILT.format(path=folder, id=exercise_id), exit_code=3)


def recover(workspace: Path) -> None:
    """Finish or undo an interrupted replacement in ``workspace``; quiet, never raises
    (a refusal to follow a linked ``.mergecamp`` waits for the command that writes)."""
    with contextlib.suppress(OSError, MergecampError):
        replace.recover(workspace.expanduser().resolve())


def _pin_hooks(folder: Path) -> None:
    """Point ``core.hooksPath`` of every repository in ``folder`` at its own hooks folder,
    so a learner's global ``core.hooksPath`` neither runs their hooks here nor switches
    the exercise's hooks off. Absolute build paths are rewritten with the rest."""
    from mergecamp.gitcmd import git

    for dirpath, dirnames, _filenames in os.walk(folder):
        here = Path(dirpath)
        git_dirs = []
        if (here / ".git").is_dir() and not (here / ".git").is_symlink():
            git_dirs.append(here / ".git")
        if here.name.endswith(".git") and (here / "HEAD").is_file() and (here / "objects").is_dir():
            git_dirs.append(here)  # a bare repository (origin.git)
            dirnames[:] = []
        else:
            dirnames[:] = [d for d in dirnames if d != ".git" and d != "__pycache__"]
        for git_dir in git_dirs:
            (git_dir / "hooks").mkdir(exist_ok=True)
            git(folder, "config", "--file", str(git_dir / "config"), "core.hooksPath",
                str(git_dir / "hooks"))  # fmt: skip


def _finish(exercise: Exercise, root: Path) -> None:
    """After setup: hooks and the metadata with the start refs (the fallback identity
    comes after, in ``start``, since it depends on the learner's config, not the build)."""
    from mergecamp.githooks import install_hooks
    from mergecamp.render import template_hash

    data: dict[str, Any] = {
        "exercise": exercise.id,
        "version": __version__,
        "template": template_hash(),
        "start": {},
        "hints_shown": 0,
        "passed": False,
    }
    if (root / ".git").is_dir():
        import git

        repo = git.Repo(root)
        data["start"] = start_refs(repo)
        install_hooks(root / ".git")
        repo.close()
    write_meta(root, data)


def start_refs(repo: Any) -> dict[str, str]:
    """Every branch and tag → commit sha, plus ``HEAD`` (a branch name or a sha)."""
    refs: dict[str, str] = {}
    for ref in repo.references:
        if ref.path.startswith(("refs/heads/", "refs/tags/")):
            refs[ref.path] = ref.commit.hexsha
    head = repo.head
    refs["HEAD"] = head.reference.path if not head.is_detached else head.commit.hexsha
    return refs


def _ensure_identity(root: Path) -> None:
    """Give the repository a local identity only if the learner has none, so their first
    `git commit` does not stop on "Please tell me who you are"."""
    name, email = _config_get(root, "user.name"), _config_get(root, "user.email")
    if name and email:
        return
    _git_config(root, "user.name", name or "mergecamp learner")
    _git_config(root, "user.email", email or "learner@mergecamp.invalid")


def _config_get(root: Path, key: str) -> str:
    """``key`` as git sees it in ``root`` (system, global and local config), or ``""``."""
    from mergecamp.gitcmd import git

    return git(root, "config", "--get", key, check=False).strip()


def _git_config(root: Path, key: str, value: str) -> None:
    from mergecamp.gitcmd import git

    git(root, "config", "--local", key, value)


# --- the built-exercise cache --------------------------------------------------------
#
# Setup is deterministic (fixed people, fixed clock, the cached render), so an exercise
# built once can be copied instead of built again: the same commits, files, hooks and
# metadata. The key covers everything setup reads: the exercise id, mergecamp's version
# and source files, the template's hash and the Python the hooks call. Exercises with a
# team folder are always built (their git configs name absolute paths).
# MERGECAMP_NO_BUILD_CACHE=1 turns the cache off.

_SOURCE_DIR = Path(__file__).resolve().parent


def _built_key(exercise: Exercise) -> str:
    import hashlib
    import sys

    from mergecamp.render import template_hash

    digest = hashlib.sha256()
    for part in (exercise.id, __version__, template_hash(), sys.executable):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    # Code and exercise data (the data names what setup records, e.g. the kept files).
    for path in sorted([*_SOURCE_DIR.rglob("*.py"), *_SOURCE_DIR.rglob("*.toml")]):
        digest.update(path.relative_to(_SOURCE_DIR).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _built_dir(exercise: Exercise, state_dir: Path) -> Path | None:
    if os.environ.get("MERGECAMP_NO_BUILD_CACHE") or (state_dir / "built").is_symlink():
        return None  # off, or a link that would take the copies out of the workspace
    return state_dir / "built" / f"{exercise.id}-{_built_key(exercise)}"


def _from_built_cache(exercise: Exercise, state_dir: Path, build_root: Path) -> bool:
    """Fill ``build_root`` from the cache; False when there is no cached build."""
    import shutil  # here: `check` runs after every git command and never copies

    cached = _built_dir(exercise, state_dir)
    if cached is None or not (cached / "root").is_dir():
        return False
    build_root.rmdir()
    try:
        shutil.copytree(cached / "root", build_root, symlinks=True)
    except OSError:  # a damaged cache: build from scratch instead
        shutil.rmtree(build_root, ignore_errors=True)
        build_root.mkdir()
        return False
    return True


def _store_built_cache(exercise: Exercise, state_dir: Path, build_root: Path) -> None:
    """Keep a copy of a fresh build (copied aside, then renamed in: never half a copy)."""
    import shutil  # here: `check` runs after every git command and never copies
    import tempfile

    cached = _built_dir(exercise, state_dir)
    if cached is None or (cached / "root").is_dir():
        return
    shutil.rmtree(cached, ignore_errors=True)  # a damaged copy, if any
    cached.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="built-", dir=cached.parent))
    try:
        shutil.copytree(build_root, scratch / "root", symlinks=True)
        with contextlib.suppress(OSError):  # another process stored it first
            os.replace(scratch, cached)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _rewrite_paths(folder: Path, mapping: dict[str, str]) -> None:
    """Point git configs and alternates that name a build path at the final path."""
    for dirpath, dirnames, filenames in os.walk(folder):
        # Skip what never names a path: refs, logs, hooks, loose-object fan-out, packs.
        dirnames[:] = [
            d
            for d in dirnames
            if d not in ("refs", "logs", "hooks", "pack", "__pycache__")
            and not (len(d) == 2 and all(c in "0123456789abcdef" for c in d))
        ]
        for name in filenames:
            if name not in ("config", "alternates"):
                continue
            path = Path(dirpath, name)
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            new = text
            for old, final in mapping.items():
                new = new.replace(old, final)
            if new != text:
                path.write_text(new, encoding="utf-8")


@contextmanager
def _hooks_silenced() -> Iterator[None]:
    old = os.environ.get("MERGECAMP_NO_HOOK")
    os.environ["MERGECAMP_NO_HOOK"] = "1"
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("MERGECAMP_NO_HOOK", None)
        else:
            os.environ["MERGECAMP_NO_HOOK"] = old


# --- locate ------------------------------------------------------------------------


def locate(workspace: Path, cwd: Path, exercise_id: str | None = None) -> Scene:
    """The exercise named ``exercise_id`` in ``workspace``, else the one around ``cwd``."""
    scene = locate_built(workspace, cwd, exercise_id)
    if read_meta(scene.root) is None:
        raise MergecampError(META_GONE.format(path=scene.root, id=scene.exercise_id))
    return scene


def locate_built(workspace: Path, cwd: Path, exercise_id: str | None = None) -> Scene:
    """Like ``locate``, but the metadata may be gone: the folder only has to be one
    mergecamp built (its marker), as ``reset`` needs. The scene's workspace is the one
    the marker names; a copy, a foreign folder or a link is refused."""
    workspace = workspace.expanduser().resolve()
    recover(workspace)
    if exercise_id is not None:
        exercise = load_exercise(exercise_id)
        root, team = _folders(exercise, workspace)
        seen = verdict(root, exercise.id, "exercise", workspace)
        if seen == MISSING:
            raise MergecampError(NOT_STARTED.format(id=exercise.id, workspace=workspace))
        if seen != OWNED:
            raise _refusal(root, exercise.id, seen)
        return Scene(exercise.id, workspace, root, team)
    cwd = cwd.resolve()
    plain_repo: Path | None = None
    for folder in (cwd, *cwd.parents):
        mark = read_marker(folder)
        if mark is not None:
            return _scene_from_marker(folder, mark)
        meta = read_meta(folder)
        if meta is not None:
            raise MergecampError(UNMARKED.format(path=folder, id=meta["exercise"]), exit_code=3)
        if folder.name.endswith("-team"):
            mine = folder.parent / folder.name.removesuffix("-team")
            mine_mark = read_marker(mine)
            if mine_mark is not None and mine_mark.path == str(mine):
                raise MergecampError(TEAMMATE.format(path=cwd, id=mine.name, mine=mine))
        if plain_repo is None and (folder / ".git").exists():
            plain_repo = folder
    if plain_repo is not None:
        raise MergecampError(NOT_EXERCISE.format(path=plain_repo))
    raise MergecampError(OUTSIDE.format(cwd=cwd))


def _scene_from_marker(folder: Path, mark: Marker) -> Scene:
    """The scene of the built folder ``folder``; its workspace comes from the marker."""
    workspace = Path(mark.workspace)
    if mark.path != str(folder) or folder.parent != workspace:
        raise _refusal(folder, mark.exercise, COPY)
    recover(workspace)
    exercise = load_exercise(mark.exercise)
    root, team = _folders(exercise, workspace)
    if mark.kind == "team":
        raise MergecampError(TEAMMATE.format(path=folder, id=exercise.id, mine=root))
    if root != folder:
        raise _refusal(folder, mark.exercise, COPY)
    return Scene(exercise.id, workspace, root, team)


# --- check and reset ---------------------------------------------------------------


def repo_state(scene: Scene) -> RepoState | None:
    git_dir = scene.root / ".git"
    return read_state(git_dir) if git_dir.is_dir() else None


def run_check(scene: Scene) -> CheckReport:
    """Run the exercise's checks; any failure to read the repo becomes a failing step."""
    exercise = load_exercise(scene.exercise_id)
    meta = read_meta(scene.root) or {}
    state = repo_state(scene)
    if meta.get("start") and state is None:
        steps = [StepResult("repository", False, REPO_GONE.format(path=scene.root))]
        return CheckReport(exercise.id, False, steps)
    try:
        steps = list(exercise.check(scene))
    except Exception as exc:  # a hostile state the exercise did not foresee
        error = f"{type(exc).__name__}: {str(exc).strip().splitlines()[0] if str(exc) else ''}"
        steps = [StepResult("repository", False, CHECK_CRASHED.format(error=error))]
    # The invariants every exercise gets (protected branches, merge direction, markers,
    # configs, kept files, hooks): a violation is a failing step listed first.
    from mergecamp.invariants import evaluate

    steps = [*evaluate(exercise, scene, meta), *steps]
    passed = bool(steps) and all(s.passed for s in steps)
    if passed and not meta.get("passed"):
        update_meta(scene.root, passed=True)
    return CheckReport(exercise.id, passed, steps, state=state.describe() if state else None)


def reset(scene: Scene) -> Scene:
    """Back to the state right after ``start``: rebuilt aside, swapped in atomically
    (``start`` checks again that every folder it replaces is one mergecamp built)."""
    return start(scene.exercise_id, scene.workspace, force=True)


def start_ref(scene: Scene, ref: str) -> str | None:
    """The sha ``ref`` (``refs/heads/main``, ``HEAD``…) had right after setup."""
    meta = read_meta(scene.root) or {}
    return (meta.get("start") or {}).get(ref)
