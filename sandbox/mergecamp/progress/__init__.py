"""The learner's saved progress: one small JSON record per learner.

The engine's commands call :func:`record_event`; ``mergecamp onboard`` reads the record
to find where the learner stands; ``mergecamp progress --export`` hands it in for the
instructor's ``mergecamp report``.
"""

from __future__ import annotations

from mergecamp.progress.events import KINDS, apply_event, record_event
from mergecamp.progress.standing import next_after, next_unfinished, offer_next, standings
from mergecamp.progress.store import load, progress_path, update

__all__ = [
    "KINDS",
    "apply_event",
    "load",
    "next_after",
    "next_unfinished",
    "offer_next",
    "progress_path",
    "record_event",
    "standings",
    "update",
]
