"""The exercise engine: build an exercise, find it again, check it, reset it.

Public interface (the CLI, the team track and onboarding rely on these names):

- ``start(exercise_id, workspace, *, force=False) -> Scene``: builds the exercise in
  ``<workspace>/.mergecamp/build-…/`` and moves it to ``<workspace>/<id>`` (and
  ``<workspace>/<id>-team`` when ``Exercise.team_folder`` is set) only once setup has
  succeeded, so an interrupted or failed setup leaves nothing half-built. Absolute
  build paths in git configs (remote URLs, alternates) are rewritten after the move.
  With ``force`` an existing exercise is replaced *in place* (the folders keep their
  identity, so a learner's shell sitting in them keeps working).
- ``locate(workspace, cwd, exercise_id=None) -> Scene``: the exercise named by id, or
  the one containing ``cwd``; ``MergecampError`` with a helpful text otherwise.
- ``run_check(scene) -> CheckReport``: never raises on a hostile repository state.
- ``reset(scene) -> Scene``: back to the state right after ``start``.

Metadata (id, version, template hash, start refs) lives in ``.git/mergecamp.json``
(see ``mergecamp.meta``). Nothing here writes outside the workspace.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mergecamp import __version__, tracks
from mergecamp.errors import MergecampError
from mergecamp.exercise import StepResult
from mergecamp.i18n import Lang, Text
from mergecamp.meta import read_meta, update_meta, write_meta
from mergecamp.scene import Scene
from mergecamp.state import RepoState, read_state

if TYPE_CHECKING:
    from mergecamp.exercise import Exercise

STATE_DIR = ".mergecamp"


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
                {"id": s.id, "passed": s.passed, "message": s.message(lang)} for s in self.steps
            ],
        }
        if self.state is not None:
            data["state"] = self.state(lang)
        return data

    def first_failure(self) -> StepResult | None:
        return next((s for s in self.steps if not s.passed), None)


# --- texts -----------------------------------------------------------------------

UNKNOWN = Text(
    en="There is no exercise `{id}`. `mergecamp list` shows them all.",
    ko="`{id}`라는 연습은 없어요. `mergecamp list`로 전체 목록을 볼 수 있어요.",
)
ALREADY = Text(
    en="`{path}` already exists: you started `{id}` before. Run `mergecamp start {id} --force` "
    "to throw that work away and start over, or `cd {path}` to continue.",
    ko="`{path}`가 이미 있어요: 전에 `{id}`를 시작했어요. 처음부터 다시 하려면 "
    "`mergecamp start {id} --force`(작업이 사라져요), 이어서 하려면 `cd {path}` 하세요.",
)
SETUP_FAILED = Text(
    en="Could not build `{id}`: {error}. Nothing was left half-built in the workspace.",
    ko="`{id}`를 만들지 못했어요: {error}. 작업 공간에 반쯤 만든 것은 남기지 않았어요.",
)
NOT_STARTED = Text(
    en="`{id}` is not started in {workspace}. Run `mergecamp start {id}` first.",
    ko="{workspace}에서 `{id}`를 아직 시작하지 않았어요. 먼저 `mergecamp start {id}` 하세요.",
)
META_GONE = Text(
    en="`{path}` looks like the exercise `{id}`, but its mergecamp data "
    "(.git/mergecamp.json) is gone, so mergecamp cannot tell where it started. "
    "`mergecamp start {id} --force` builds it again.",
    ko="`{path}`는 `{id}` 연습 같은데 mergecamp 정보(.git/mergecamp.json)가 없어서 "
    "시작 상태를 알 수 없어요. `mergecamp start {id} --force`로 다시 만들 수 있어요.",
)
NOT_EXERCISE = Text(
    en="`{path}` is a git repository, but not a mergecamp exercise. `cd` into an exercise "
    "(`mergecamp list` shows them) or name one: `mergecamp check <id>`.",
    ko="`{path}`는 git 저장소지만 mergecamp 연습은 아니에요. 연습 폴더로 `cd` 하거나 "
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
    "내 저장소는 `{mine}`이에요: `cd {mine}` 해서 거기서 작업하세요.",
)
CHECK_CRASHED = Text(
    en="mergecamp could not read the repository in its current state ({error}). "
    "`git status` shows what is going on; `mergecamp reset` starts the exercise over.",
    ko="지금 상태의 저장소를 읽지 못했어요({error}). `git status`로 상황을 확인하고, "
    "처음부터 하려면 `mergecamp reset` 하세요.",
)
REPO_GONE = Text(
    en="`{path}` is no longer a git repository. `mergecamp reset` builds the exercise again.",
    ko="`{path}`가 더 이상 git 저장소가 아니에요. `mergecamp reset`으로 다시 만들 수 있어요.",
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
    if not force:
        for path in (root, team):
            if path is not None and path.exists():
                raise MergecampError(ALREADY.format(path=root, id=exercise.id), exit_code=3)
    state_dir = workspace / STATE_DIR
    state_dir.mkdir(parents=True, exist_ok=True)
    build = Path(tempfile.mkdtemp(prefix=f"build-{exercise.id}-", dir=state_dir))
    try:
        build_root = build / root.name
        build_root.mkdir()
        build_team = None
        if team is not None:
            build_team = build / team.name
            build_team.mkdir()
        scene = Scene(exercise.id, workspace, build_root, build_team)
        try:
            with _hooks_silenced():
                if not (team is None and _from_built_cache(exercise, state_dir, build_root)):
                    exercise.setup(scene)
                    _finish(exercise, build_root)
                    if team is None:
                        _store_built_cache(exercise, state_dir, build_root)
                if (build_root / ".git").is_dir():
                    _ensure_identity(build_root)
        except MergecampError:
            raise
        except Exception as exc:
            raise MergecampError(
                SETUP_FAILED.format(id=exercise.id, error=f"{type(exc).__name__}: {exc}")
            ) from exc
        moves = [(build_root, root)] + ([(build_team, team)] if team and build_team else [])
        for src, dst in moves:
            _move_into_place(src, dst)
        for _src, dst in moves:
            _rewrite_paths(dst, {str(s): str(d) for s, d in moves})
    finally:
        shutil.rmtree(build, ignore_errors=True)
    return Scene(exercise.id, workspace, root, team)


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
    for path in sorted(_SOURCE_DIR.rglob("*.py")):
        digest.update(path.relative_to(_SOURCE_DIR).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _built_dir(exercise: Exercise, state_dir: Path) -> Path | None:
    if os.environ.get("MERGECAMP_NO_BUILD_CACHE"):
        return None
    return state_dir / "built" / f"{exercise.id}-{_built_key(exercise)}"


def _from_built_cache(exercise: Exercise, state_dir: Path, build_root: Path) -> bool:
    """Fill ``build_root`` from the cache; False when there is no cached build."""
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


def _move_into_place(src: Path, dst: Path) -> None:
    """Move ``src`` to ``dst``; an existing ``dst`` is emptied and refilled in place."""
    if not dst.exists() and not dst.is_symlink():
        os.replace(src, dst)
        return
    if dst.is_symlink() or not dst.is_dir():
        dst.unlink()
        os.replace(src, dst)
        return
    for child in list(dst.iterdir()):
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
    for child in list(src.iterdir()):
        os.replace(child, dst / child.name)


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
    workspace = workspace.expanduser().resolve()
    if exercise_id is not None:
        exercise = load_exercise(exercise_id)
        root, team = _folders(exercise, workspace)
        if not root.exists():
            raise MergecampError(NOT_STARTED.format(id=exercise.id, workspace=workspace))
        if read_meta(root) is None:
            raise MergecampError(META_GONE.format(path=root, id=exercise.id))
        return Scene(exercise.id, workspace, root, team)
    cwd = cwd.resolve()
    plain_repo: Path | None = None
    for folder in (cwd, *cwd.parents):
        meta = read_meta(folder)
        if meta is not None:
            exercise = load_exercise(meta["exercise"])
            root, team = _folders(exercise, folder.parent)
            return Scene(exercise.id, folder.parent, folder, team)
        if folder.name.endswith("-team"):
            mine = folder.parent / folder.name.removesuffix("-team")
            if read_meta(mine) is not None:
                raise MergecampError(TEAMMATE.format(path=cwd, id=mine.name, mine=mine))
        if plain_repo is None and (folder / ".git").exists():
            plain_repo = folder
    if plain_repo is not None:
        if plain_repo.name in tracks.all_ids():
            raise MergecampError(META_GONE.format(path=plain_repo, id=plain_repo.name))
        raise MergecampError(NOT_EXERCISE.format(path=plain_repo))
    raise MergecampError(OUTSIDE.format(cwd=cwd))


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
    passed = bool(steps) and all(s.passed for s in steps)
    if passed and not meta.get("passed"):
        update_meta(scene.root, passed=True)
    return CheckReport(exercise.id, passed, steps, state=state.describe() if state else None)


def reset(scene: Scene) -> Scene:
    """Back to the state right after ``start``: rebuilt aside, swapped in place."""
    return start(scene.exercise_id, scene.workspace, force=True)


def start_ref(scene: Scene, ref: str) -> str | None:
    """The sha ``ref`` (``refs/heads/main``, ``HEAD``…) had right after setup."""
    meta = read_meta(scene.root) or {}
    return (meta.get("start") or {}).get(ref)
