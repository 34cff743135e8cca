"""The shape of a learner's progress record, and its validation.

One module owns the format so the store (which writes it) and the instructor's report
(which reads hand-ins from many learners) agree on what a valid record is. A record
carries a ``digest`` of its own content: the report uses it to tell a record edited by
hand from one mergecamp wrote (a hint for the instructor, not a security measure).
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from datetime import datetime
from typing import Any

SCHEMA = "mergecamp-progress"
VERSION = 1

# Keys of one exercise entry and the type each must have.
_ENTRY_TYPES: dict[str, type | tuple[type, ...]] = {
    "first_start": (str, type(None)),
    "starts": int,
    "checks": list,
    "hints": int,
    "solutions": int,
    "resets": int,
    "passed_at": (str, type(None)),
    "time_to_pass_s": (int, float, type(None)),
}


#: Largest count (starts, hints, solutions, resets) and time to pass a real record holds:
#: far beyond any class, small enough that every sum and mean stays exact and printable.
MAX_COUNT = 1_000_000
MAX_SECONDS = 10 * 365 * 24 * 3600
_PLAIN_KEY = re.compile(r"[A-Za-z0-9_.-]{1,60}")


def field_path(*path: object) -> str:
    """``exercises.bisect.checks[2].at``: the field a problem message names; a key that
    is not a plain word is shown quoted and cut short (``exercises["[/red]"]``)."""
    out = ""
    for part in path:
        if isinstance(part, int) and not isinstance(part, bool):
            out += f"[{part}]"
        elif isinstance(part, str) and _PLAIN_KEY.fullmatch(part):
            out += f".{part}" if out else part
        else:
            out += f"[{short(part, 80)}]"
    return out or "the record"


def short(value: object, limit: int = 40) -> str:
    """``value`` for a problem message: its JSON form, cut to ``limit`` characters."""
    try:
        text = json.dumps(value, ensure_ascii=True)
    except (TypeError, ValueError, RecursionError):
        text = type(value).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


def new_record(learner: str, now: str) -> dict[str, Any]:
    """An empty record for ``learner``; ``now`` is an ISO-8601 timestamp."""
    return {
        "schema": SCHEMA,
        "version": VERSION,
        "learner": learner,
        "created": now,
        "updated": now,
        "exercises": {},
    }


def new_entry() -> dict[str, Any]:
    """What mergecamp knows about one exercise before anything happened in it."""
    return {
        "first_start": None,
        "starts": 0,
        "checks": [],
        "hints": 0,
        "solutions": 0,
        "resets": 0,
        "passed_at": None,
        "time_to_pass_s": None,
    }


def digest(record: dict[str, Any]) -> str:
    """A hash of everything but the digest itself, in a canonical JSON form."""
    body = {k: v for k, v in record.items() if k != "digest"}
    canonical = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def seal(record: dict[str, Any]) -> dict[str, Any]:
    """The record with a fresh ``digest``, as mergecamp writes it."""
    sealed = {k: v for k, v in record.items() if k != "digest"}
    sealed["digest"] = digest(sealed)
    return sealed


def is_ours(data: object) -> bool:
    """True when ``data`` claims to be a mergecamp progress record (any version)."""
    return isinstance(data, dict) and data.get("schema") == SCHEMA


def problems(data: object) -> list[str]:
    """Every way ``data`` fails to be a valid record; empty when it is valid.

    The messages are short English phrases naming the field, for the report and logs.
    """
    if not isinstance(data, dict):
        return ["not a JSON object"]
    if data.get("schema") != SCHEMA:
        return [f"not a mergecamp progress record (schema={short(data.get('schema'))})"]
    found: list[str] = []
    if data.get("version") != VERSION or isinstance(data.get("version"), bool):
        found.append(f"unsupported version {short(data.get('version'))} (expected {VERSION})")
        return found
    learner = data.get("learner")
    if not isinstance(learner, str) or not learner.strip():
        found.append("learner name missing")
    for key in ("created", "updated"):
        if not _is_time(data.get(key)):
            found.append(f"{key} is not a timestamp")
    exercises = data.get("exercises")
    if not isinstance(exercises, dict):
        found.append("exercises is not an object")
        return found
    for exercise_id, entry in exercises.items():
        where = field_path("exercises", exercise_id)
        found.extend(f"{where}: {p}" for p in _entry_problems(entry))
    return found


_LIMITS = {"time_to_pass_s": MAX_SECONDS}


def _entry_problems(entry: object) -> list[str]:
    if not isinstance(entry, dict):
        return ["not an object"]
    found: list[str] = []
    for key, expected in _ENTRY_TYPES.items():
        value = entry.get(key)
        if key not in entry or not isinstance(value, expected) or isinstance(value, bool):
            found.append(f"{key} missing or of the wrong type")
        elif isinstance(value, float) and not math.isfinite(value):
            found.append(f"{key} is not a finite number")
        elif isinstance(value, int | float) and value < 0:
            found.append(f"{key} is negative")
        elif isinstance(value, int | float) and value > _LIMITS.get(key, MAX_COUNT):
            found.append(f"{key} is larger than any real record holds")
    if found:
        return found
    for i, check in enumerate(entry["checks"]):
        if not (
            isinstance(check, dict)
            and _is_time(check.get("at"))
            and isinstance(check.get("passed"), bool)
        ):
            found.append(f"check #{i + 1} is malformed")
    if found:
        return found
    passes = [c for c in entry["checks"] if c["passed"]]
    if (entry["passed_at"] is None) != (not passes):
        found.append("passed_at disagrees with the checks")
    elif passes and passes[0]["at"] != entry["passed_at"]:
        found.append("passed_at is not the first passing check")
    if entry["first_start"] is not None and not _is_time(entry["first_start"]):
        found.append("first_start is not a timestamp")
    if entry["passed_at"] is not None and not _is_time(entry["passed_at"]):
        found.append("passed_at is not a timestamp")
    return found


def _is_time(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True
