"""The goal graph: the exercise's start state with its reference solution applied.

Built once per exercise, mergecamp version and template version in
``<workspace>/.mergecamp/goal/<id>-<version>-<template>/`` by starting the exercise
there (sharing the workspace's rendered-template cache) and running
``Exercise.solution`` with bash from the exercise folder, exactly as a learner would.
Commit dates are fixed so the goal looks the same every time. The folder is built
aside and renamed into place, so a half-built goal is never read.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from mergecamp import __version__
from mergecamp.errors import MergecampError
from mergecamp.i18n import Text

GOAL_DIR = "goal"
SOLUTION_TIMEOUT_S = 300
FIXED_DATE = "2024-03-04T10:00:00+09:00"

SOLUTION_FAILED = Text(
    en="The goal graph of `{id}` could not be built: {why}",
    ko="`{id}`의 목표 그래프를 만들지 못했어요: {why}",
)


def goal_repo(exercise_id: str, workspace: Path) -> Path:
    """The solved copy of ``exercise_id`` (building it on first use); its repo path."""
    from mergecamp import engine
    from mergecamp.render import template_hash

    exercise = engine.load_exercise(exercise_id)
    state = workspace / engine.STATE_DIR
    final = state / GOAL_DIR / f"{exercise.id}-{__version__}-{template_hash()}"
    if (final / exercise.id).is_dir():
        return final / exercise.id
    (state / GOAL_DIR).mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f"build-{exercise.id}-", dir=state / GOAL_DIR))
    try:
        _share_cache(state, scratch)
        scene = engine.start(exercise.id, scratch, force=True)
        _solve(exercise.id, scene.root, exercise.solution)
        (scratch / engine.STATE_DIR / "cache").unlink(missing_ok=True)
        try:
            os.replace(scratch, final)
        except OSError:
            if not (final / exercise.id).is_dir():  # another process won the race
                raise
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return final / exercise.id


def _share_cache(state: Path, scratch: Path) -> None:
    """Point the scratch workspace's template cache at the real one (no second render)."""
    cache = state / "cache"
    cache.mkdir(parents=True, exist_ok=True)
    (scratch / ".mergecamp").mkdir()
    (scratch / ".mergecamp" / "cache").symlink_to(cache.resolve(), target_is_directory=True)


def _solve(exercise_id: str, root: Path, commands: tuple[str, ...]) -> None:
    env = {
        **os.environ,
        "MERGECAMP_NO_HOOK": "1",
        "GIT_EDITOR": "true",
        "GIT_SEQUENCE_EDITOR": "true",
        "GIT_TERMINAL_PROMPT": "0",
        "GIT_AUTHOR_DATE": FIXED_DATE,
        "GIT_COMMITTER_DATE": FIXED_DATE,
    }
    try:
        result = subprocess.run(
            ["bash", "-c", "\n".join(commands)],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
            timeout=SOLUTION_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as err:
        raise MergecampError(SOLUTION_FAILED.format(id=exercise_id, why=str(err))) from None
    if result.returncode != 0:
        tail = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["?"]
        why = f"exit {result.returncode}: {tail[0]}"
        raise MergecampError(SOLUTION_FAILED.format(id=exercise_id, why=why))


def answer_still_hidden(exercise_id: str) -> bool:
    """True while the goal graph would give away the answer the learner is looking for
    (a commit to find) and the exercise is not passed yet."""
    from mergecamp import tracks
    from mergecamp.progress import store

    if not tracks.load(exercise_id).goal_reveals_answer:
        return False
    entry = store.load().get("exercises", {}).get(exercise_id) or {}
    return not entry.get("passed_at")
