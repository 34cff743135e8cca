"""Turning what the learner does (start, check, hint, solution, reset) into the record.

``record_event`` is called by the engine's commands after they did their work; it must
never make a learner's command fail, so every error becomes one warning on stderr.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from mergecamp.progress import schema, store

KINDS = ("start", "check", "hint", "solution", "reset")


def apply_event(
    record: dict[str, Any], exercise_id: str, kind: str, at: str, passed: bool | None = None
) -> None:
    """Change ``record`` in place for one event at time ``at`` (ISO-8601)."""
    if kind not in KINDS:
        raise ValueError(f"unknown progress event {kind!r}")
    entry = record["exercises"].setdefault(exercise_id, schema.new_entry())
    if kind == "start":
        entry["starts"] += 1
        if entry["first_start"] is None:
            entry["first_start"] = at
    elif kind == "check":
        entry["checks"].append({"at": at, "passed": bool(passed)})
        if passed and entry["passed_at"] is None:
            entry["passed_at"] = at
            entry["time_to_pass_s"] = _seconds_between(entry["first_start"], at)
    elif kind == "hint":
        entry["hints"] += 1
    elif kind == "solution":
        entry["solutions"] += 1
    else:
        entry["resets"] += 1


def record_event(exercise_id: str, kind: str, *, passed: bool | None = None) -> None:
    """Save one learner event; never raises (a warning on stderr instead)."""
    try:
        at = store.now_iso()
        store.update(lambda record: apply_event(record, exercise_id, kind, at, passed))
    except Exception as err:  # progress must never break the learner's command
        store.warn_once(store.NOT_SAVED, why=f"{type(err).__name__}: {err}")


def _seconds_between(start: str | None, end: str) -> float | None:
    if start is None:
        return None
    seconds = (datetime.fromisoformat(end) - datetime.fromisoformat(start)).total_seconds()
    return round(max(seconds, 0.0), 3)
