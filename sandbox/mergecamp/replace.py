"""Putting built exercise folders in place atomically, and recovering from interruptions.

``engine.start`` builds an exercise aside, in ``<workspace>/.mergecamp/build-<op>/``
(``<op>`` is ``<id>-<random>``), next to a ``plan.json`` naming the folders it will put
in place (``<id>``, and ``<id>-team`` for team exercises). Once every new folder is
complete (its marker, see ``mergecamp.marker``, is written last), :func:`swap`:

1. renames each old folder into ``<workspace>/.mergecamp/trash-<op>/`` (one rename each);
2. renames each new folder from ``build-<op>/`` to its place (one rename each);
3. renames ``trash-<op>`` and ``build-<op>`` to ``gone-…`` and deletes them.

A rename is atomic, so an interruption (Ctrl-C, kill, a full disk) at any point leaves
every folder whole, either the old one (in place or in the trash) or the new one (in
place or in the build folder). :func:`recover`, run by the next ``start``, ``reset``,
``check`` or ``list``, finishes the job per ``<op>``:

- once any new folder of ``<op>`` is in place, the replacement goes forward: the rest
  of the new folders are moved in (old ones still in place go to the trash first);
- otherwise it goes back: every old folder in ``trash-<op>`` whose place is empty is
  renamed back (its marker must name that place);
- then ``trash-<op>``, ``build-<op>`` and any ``gone-…`` folder are deleted, except a
  trash holding an old folder that could not go back (something else took its place):
  that stays, so nothing of the learner's is ever lost.

Everything here works inside ``<workspace>/.mergecamp/`` under the workspace lock
(``.mergecamp/lock``), which is never a symbolic link: a link in its place is replaced,
never written through, and a ``.mergecamp`` that is itself a link is refused.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

from mergecamp.errors import MergecampError
from mergecamp.i18n import Text
from mergecamp.marker import read_marker

STATE_DIR = ".mergecamp"
PLAN = "plan.json"
LOCK = "lock"
LOCK_TIMEOUT_S = 300.0

try:  # POSIX
    import fcntl
except ImportError:  # pragma: no cover - Windows: no lock, the renames stay atomic
    fcntl = None  # type: ignore[assignment]

STATE_LINK = Text(
    en="`{path}` is a symbolic link (to {target}). mergecamp writes only inside its "
    "workspace and never through a link, so it stopped before changing anything. Remove "
    "the link (`rm {path}` removes only the link) and run the command again.",
    ko="`{path}`이(가) 심볼릭 링크예요({target}을(를) 가리켜요). mergecamp는 작업 공간 안에만 "
    "쓰고 링크를 따라가서 쓰지 않아서, 아무것도 바꾸지 않고 멈췄어요. 링크를 지우고"
    "(`rm {path}`은(는) 링크만 지워요) 다시 실행하세요.",
)
BUSY = Text(
    en="Another mergecamp is building an exercise in {workspace} and did not finish within "
    "{seconds:.0f} seconds. Let it finish (or stop it), then run the command again.",
    ko="다른 mergecamp가 {workspace}에서 연습을 만들고 있는데 {seconds:.0f}초 안에 끝나지 "
    "않았어요. 끝날 때까지 기다리거나 멈춘 다음 다시 실행하세요.",
)


# --- the state folder and its lock --------------------------------------------------


def state_dir(workspace: Path, *, create: bool = True) -> Path:
    """``<workspace>/.mergecamp``, a real folder (created when ``create``); a symbolic
    link there is refused with ``STATE_LINK``."""
    state = workspace / STATE_DIR
    if state.is_symlink():
        raise MergecampError(STATE_LINK.format(path=state, target=os.readlink(state)), exit_code=3)
    if create:
        state.mkdir(parents=True, exist_ok=True)
    return state


def _open_lock(path: Path) -> int:
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
    try:
        return os.open(path, flags, 0o600)
    except OSError as err:
        if err.errno != errno.ELOOP:
            raise
    # A symbolic link in the lock's place: replace the link, never open its target.
    path.unlink()
    return os.open(path, flags | os.O_EXCL, 0o600)


@contextlib.contextmanager
def workspace_lock(state: Path, *, wait: bool = True) -> Iterator[bool]:
    """Hold the workspace's lock; yields whether it is held (``wait=False`` gives up at
    once when another mergecamp holds it)."""
    fd = _open_lock(state / LOCK)
    try:
        held = fcntl is None
        deadline = time.monotonic() + LOCK_TIMEOUT_S
        while not held:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                held = True
            except BlockingIOError:
                if not wait:
                    break
                if time.monotonic() > deadline:
                    raise MergecampError(
                        BUSY.format(workspace=state.parent, seconds=LOCK_TIMEOUT_S)
                    ) from None
                time.sleep(0.05)
        yield held
    finally:
        os.close(fd)  # closing releases the lock


# --- building aside and swapping ------------------------------------------------------


def new_build(state: Path, exercise_id: str, folders: list[str]) -> Path:
    """A fresh ``build-<op>`` folder whose plan names the folders it will put in place."""
    import tempfile  # here, not at the top: `check` imports this module

    build = Path(tempfile.mkdtemp(prefix=f"build-{exercise_id}-", dir=state))
    plan = {"exercise": exercise_id, "workspace": str(state.parent), "folders": folders}
    (build / PLAN).write_text(json.dumps(plan, indent=2) + "\n", encoding="utf-8")
    return build


def op_of(build: Path) -> str:
    return build.name.removeprefix("build-")


def swap(workspace: Path, build: Path) -> None:
    """Put the new folders of ``build`` in place of the old ones; see the docstring."""
    state = build.parent
    op = op_of(build)
    folders = _plan(build)
    if folders is None:
        raise FileNotFoundError(build / PLAN)
    trash = state / f"trash-{op}"
    olds = [workspace / name for name in folders if _lexists(workspace / name)]
    if olds:
        trash.mkdir()
    for old in olds:
        os.replace(old, trash / old.name)
    for name in folders:
        os.replace(build / name, workspace / name)
    _discard(trash)
    _discard(build)


def _discard(folder: Path) -> None:
    """Rename ``folder`` to ``gone-…`` (one step), then delete it: a half-deleted folder
    is never taken for a whole one."""
    if not folder.is_dir() or folder.is_symlink():
        return
    import shutil

    gone = folder.with_name(f"gone-{folder.name}")
    os.replace(folder, gone)
    shutil.rmtree(gone, ignore_errors=True)


# --- recovery -----------------------------------------------------------------------


def recover(workspace: Path, *, locked: bool = False) -> None:
    """Finish or undo every interrupted replacement in ``workspace`` (see the docstring).

    Quiet and cheap when there is nothing to do. Without ``locked`` it takes the
    workspace lock only if it is free: a build in progress elsewhere is left alone.
    """
    state = workspace / STATE_DIR
    if state.is_symlink() or not state.is_dir():
        return
    if locked:
        _recover_all(workspace, state)
        return
    if not _leftovers(state):
        return
    with workspace_lock(state, wait=False) as held:
        if held:
            _recover_all(workspace, state)


def recover_op(workspace: Path, build: Path) -> None:
    """Finish or undo the one replacement ``build`` belongs to (after an exception)."""
    _recover_one(workspace, build.parent, op_of(build))


def _leftovers(state: Path) -> list[Path]:
    try:
        children = list(state.iterdir())
    except OSError:
        return []
    return [
        c
        for c in children
        if c.name.startswith(("build-", "trash-", "gone-")) and c.is_dir() and not c.is_symlink()
    ]


def _recover_all(workspace: Path, state: Path) -> None:
    import shutil

    ops: set[str] = set()
    for child in _leftovers(state):
        if child.name.startswith("gone-"):
            shutil.rmtree(child, ignore_errors=True)
        else:
            ops.add(child.name.split("-", 1)[1])
    for op in sorted(ops):
        _recover_one(workspace, state, op)


def _recover_one(workspace: Path, state: Path, op: str) -> None:
    build, trash = state / f"build-{op}", state / f"trash-{op}"
    planned = _plan(build) or []
    in_trash = [c for c in _children(trash) if c.is_dir() and not c.is_symlink()]
    names = list(dict.fromkeys([*planned, *(c.name for c in in_trash)]))
    committed = any(_is_new(workspace / name, op) for name in names)
    if committed and not _forward(workspace, build, trash, op, planned):
        return  # something else stands in a place: leave everything as it is
    if not committed and not _back(workspace, trash, in_trash):
        _discard(build)
        return  # an old folder could not go back: its trash stays
    _discard(trash)
    _discard(build)


def _forward(workspace: Path, build: Path, trash: Path, op: str, planned: list[str]) -> bool:
    for name in planned:
        final = workspace / name
        if _is_new(final, op):
            continue
        new = build / name
        marker = read_marker(new)
        if marker is None or marker.build != op:
            return False
        if _lexists(final):
            old = read_marker(final)
            if old is None or old.path != str(final) or _lexists(trash / name):
                return False
            trash.mkdir(exist_ok=True)
            os.replace(final, trash / name)
        os.replace(new, final)
    return True


def _back(workspace: Path, trash: Path, in_trash: list[Path]) -> bool:
    """Rename every old folder back to its empty place; False if one has to stay."""
    all_back = True
    for old in in_trash:
        final = workspace / old.name
        marker = read_marker(old)
        if marker is None or marker.path != str(final) or marker.workspace != str(workspace):
            all_back = False
            continue
        if not _lexists(final):
            os.replace(old, final)
            continue
        if read_marker(final) is None:  # something else took its place: keep the old one
            all_back = False
    return all_back


def _is_new(folder: Path, op: str) -> bool:
    marker = read_marker(folder)
    return marker is not None and marker.build == op and marker.path == str(folder)


def _plan(build: Path) -> list[str] | None:
    try:
        data = json.loads((build / PLAN).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    folders = data.get("folders") if isinstance(data, dict) else None
    if not isinstance(folders, list) or not all(isinstance(f, str) for f in folders):
        return None
    return [f for f in folders if f and "/" not in f and f not in (".", "..")]


def _children(folder: Path) -> list[Path]:
    if folder.is_symlink() or not folder.is_dir():
        return []
    return sorted(folder.iterdir())


def _lexists(path: Path) -> bool:
    return path.exists() or path.is_symlink()
