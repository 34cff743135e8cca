"""The ordered tracks and the exercises in each. Exercise ids are part of the interface.

Each id maps to the module ``mergecamp.exercises.<id with _>`` that defines ``EXERCISE``;
modules are imported on demand to keep the CLI's start-up lean.
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mergecamp.i18n import Text

if TYPE_CHECKING:
    from mergecamp.exercise import Exercise


@dataclass(frozen=True)
class Track:
    id: str
    title: Text
    exercise_ids: tuple[str, ...]


TRACKS: tuple[Track, ...] = (
    Track(
        id="basics",
        title=Text(en="First track: one person's history", ko="첫 번째 트랙: 혼자 쌓는 히스토리"),
        exercise_ids=(
            "stage-and-commit",
            "time-travel",
            "experiment-branch",
            "sync-experiment",
            "finish-experiment",
            "merge-conflict",
            "undo-changes",
        ),
    ),
    Track(
        id="team",
        title=Text(
            en="Team track: remotes, pull requests, teammates", ko="팀 트랙: 원격 저장소, PR, 팀원"
        ),
        exercise_ids=(
            "clone-and-push",
            "diverged-history",
            "pull-request",
            "bisect",
            "cherry-pick-hotfix",
            "revert-pushed",
            "squash-before-pr",
            "stash-switch",
            "hook-rejected",
            "reflog-rescue",
        ),
    ),
)


def all_ids() -> list[str]:
    return [eid for track in TRACKS for eid in track.exercise_ids]


def available_ids() -> list[str]:
    """Ids whose module exists in this installation (tracks land exercise by exercise)."""
    return [eid for eid in all_ids() if importlib.util.find_spec(_module_name(eid)) is not None]


def track_of(exercise_id: str) -> Track:
    for track in TRACKS:
        if exercise_id in track.exercise_ids:
            return track
    raise KeyError(exercise_id)


def load(exercise_id: str) -> Exercise:
    """The exercise with this id; ``KeyError`` for an unknown id."""
    if exercise_id not in all_ids():
        raise KeyError(exercise_id)
    module = importlib.import_module(_module_name(exercise_id))
    return module.EXERCISE


def _module_name(exercise_id: str) -> str:
    return "mergecamp.exercises." + exercise_id.replace("-", "_")
