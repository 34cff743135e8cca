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
    # (exercise id, level) in the order a learner meets them; the level is how hard the
    # exercise is within its track (1 = first steps), shown by `list` and the report.
    exercises: tuple[tuple[str, int], ...]

    @property
    def exercise_ids(self) -> tuple[str, ...]:
        return tuple(eid for eid, _level in self.exercises)


@dataclass(frozen=True)
class Placement:
    track: str
    level: int


TRACKS: tuple[Track, ...] = (
    Track(
        id="basics",
        title=Text(en="First track: one person's history", ko="첫 번째 트랙: 혼자 쌓는 히스토리"),
        exercises=(
            ("stage-and-commit", 1),
            ("time-travel", 1),
            ("experiment-branch", 1),
            ("discard-experiment", 1),
            ("sync-experiment", 2),
            ("finish-experiment", 2),
            ("fix-from-the-past", 2),
            ("merge-conflict", 3),
            ("undo-changes", 2),
        ),
    ),
    Track(
        id="team",
        title=Text(
            en="Team track: remotes, pull requests, teammates", ko="팀 트랙: 원격 저장소, PR, 팀원"
        ),
        exercises=(
            ("clone-and-push", 1),
            ("diverged-history", 2),
            ("push-early", 2),
            ("pull-request", 3),
            ("bisect", 4),
            ("cherry-pick-hotfix", 5),
            ("revert-pushed", 6),
            ("squash-before-pr", 7),
            ("stash-switch", 8),
            ("hook-rejected", 9),
            ("reflog-rescue", 10),
        ),
    ),
)


def all_ids() -> list[str]:
    return [eid for track in TRACKS for eid in track.exercise_ids]


def available_ids() -> list[str]:
    """Ids whose module exists in this installation (tracks land exercise by exercise)."""
    return [eid for eid in all_ids() if importlib.util.find_spec(_module_name(eid)) is not None]


def placement(exercise_id: str) -> Placement:
    """The track and level of an exercise, from the one list above."""
    for track in TRACKS:
        for eid, level in track.exercises:
            if eid == exercise_id:
                return Placement(track.id, level)
    raise KeyError(exercise_id)


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
