"""Where a learner stands in the ordered tracks: what is passed, begun, and next."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from mergecamp import tracks
from mergecamp.i18n import Text
from mergecamp.progress import store

State = Literal["passed", "started", "todo", "unavailable"]


@dataclass(frozen=True)
class ExerciseStanding:
    exercise_id: str
    track_id: str
    state: State
    checks: int
    hints: int


def standings(record: dict[str, Any] | None = None) -> list[ExerciseStanding]:
    """Every exercise of every track, in order, with the learner's state in it."""
    record = record if record is not None else store.load()
    available = set(tracks.available_ids())
    entries = record.get("exercises", {})
    rows = []
    for track in tracks.TRACKS:
        for eid in track.exercise_ids:
            entry = entries.get(eid) or {}
            if eid not in available:
                state: State = "unavailable"
            elif entry.get("passed_at"):
                state = "passed"
            elif entry.get("starts") or entry.get("checks"):
                state = "started"
            else:
                state = "todo"
            rows.append(
                ExerciseStanding(
                    eid, track.id, state, len(entry.get("checks", [])), entry.get("hints", 0)
                )
            )
    return rows


def next_unfinished(record: dict[str, Any] | None = None) -> str | None:
    """The first available exercise, in track order, that the learner has not passed."""
    for row in standings(record):
        if row.state in ("started", "todo"):
            return row.exercise_id
    return None


def next_after(exercise_id: str) -> str | None:
    """After passing ``exercise_id``: the next unpassed available exercise in track order.

    Looks forward from ``exercise_id`` first (the natural next step), then wraps to
    anything skipped earlier. ``None`` when everything available is passed. Never raises.
    """
    try:
        rows = standings()
    except Exception:
        return None
    ids = [r.exercise_id for r in rows]
    start = ids.index(exercise_id) + 1 if exercise_id in ids else 0
    ordered = rows[start:] + rows[:start]
    for row in ordered:
        if row.exercise_id != exercise_id and row.state in ("started", "todo"):
            return row.exercise_id
    return None


NEXT_OFFER = Text(
    en="Next up: {id}. `mergecamp onboard` starts it (or `mergecamp start {id}`).",
    ko="다음 연습은 {id}(이)에요. `mergecamp onboard`로 시작해요 (또는 `mergecamp start {id}`).",
)
TRACKS_DONE = Text(
    en="That was the last exercise: every track is done. "
    "`mergecamp progress --export FILE` hands in your record.",
    ko="마지막 연습이었어요: 모든 트랙을 끝냈어요. "
    "`mergecamp progress --export FILE`로 기록을 제출할 수 있어요.",
)


def offer_next(exercise_id: str) -> Text | None:
    """The line to print after ``exercise_id`` passes: the next exercise, or that all
    is done. ``None`` if it cannot be told (never raises)."""
    try:
        upcoming = next_after(exercise_id)
        if upcoming is not None:
            return NEXT_OFFER.format(id=upcoming)
        return TRACKS_DONE if any(r.state == "passed" for r in standings()) else None
    except Exception:
        return None
