"""Help in stages: first what is wrong and why, then the exact command.

A failing step always says what mergecamp sees and why it matters; the command that
fixes it (``StepResult.fix``) is held back until the learner has had a go: it shows once
they asked for a hint, or once the same step failed twice in a row in ``mergecamp
check``. Thinking first teaches; a command copied at once does not.

The count lives in the exercise metadata (``failures``: step id → failed checks in a
row); the hooks' quick check after every git command does not count, only ``check``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mergecamp.exercise import StepResult

TRIES_BEFORE_FIX = 2
_MAX_COUNT = 1000


def failure_counts(meta: Mapping[str, Any] | None) -> dict[str, int]:
    """The recorded counts; anything malformed counts as no failure at all."""
    raw = (meta or {}).get("failures")
    if not isinstance(raw, dict):
        return {}
    return {
        str(k): v
        for k, v in raw.items()
        if isinstance(v, int) and not isinstance(v, bool) and 0 < v <= _MAX_COUNT
    }


def remember(root: Path, meta: Mapping[str, Any] | None, steps: list[StepResult]) -> dict[str, int]:
    """Count this check: a judged failing step one more, anything else starts over."""
    from mergecamp.meta import update_meta

    before = failure_counts(meta)
    counts = {
        s.id: min(before.get(s.id, 0) + 1, _MAX_COUNT) for s in steps if not s.passed and s.judged
    }
    if counts != before:
        update_meta(root, failures=counts)
    return counts


def fix_shown(step: StepResult, counts: Mapping[str, int], hints_shown: int) -> bool:
    """May the checklist show this step's command now?"""
    if step.passed or not step.fix:
        return False
    return hints_shown > 0 or counts.get(step.id, 0) >= TRIES_BEFORE_FIX
