"""The class report as plain data, computed once and drawn by every renderer.

Columns are the tracks' exercises in order (a record naming an id this version does not
know is set aside by records.py with that reason, never drawn as a column of its own).
"Hardest" ranks exercises the class has begun by pass rate, then attempts, then hints.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mergecamp import tracks
from mergecamp.report.records import LoadedRecord

HARDEST_COUNT = 5


@dataclass(frozen=True)
class Cell:
    started: bool
    passed: bool
    attempts: int  # checks run
    hints: int
    solutions: int
    time_s: float | None  # from first start to first passing check


@dataclass
class LearnerRow:
    name: str
    source: Path
    edited: bool
    cells: dict[str, Cell]
    left: list[str]  # exercises of the tracks not passed yet, in order

    @property
    def passed(self) -> int:
        return sum(c.passed for c in self.cells.values())

    @property
    def hints(self) -> int:
        return sum(c.hints for c in self.cells.values())


@dataclass(frozen=True)
class ExerciseStat:
    exercise_id: str
    started: int
    passed: int
    mean_attempts: float
    mean_hints: float
    solutions: int
    median_time_s: float | None

    @property
    def pass_rate(self) -> float:
        return self.passed / self.started if self.started else 0.0


@dataclass
class ClassReport:
    exercises: list[str]
    learners: list[LearnerRow]
    stats: dict[str, ExerciseStat]
    hardest: list[ExerciseStat]
    rejected: list[LoadedRecord] = field(default_factory=list)  # malformed or superseded


def build(records: list[LoadedRecord]) -> ClassReport:
    """Turn loaded records into the class table, the hardest list and what is left."""
    used = [r for r in records if r.status in ("ok", "edited")]
    exercises = known = tracks.all_ids()
    learners = [_learner(r, exercises, known) for r in used]
    learners.sort(key=lambda row: row.name.casefold())
    stats = {eid: _stat(eid, learners) for eid in exercises}
    begun = [s for s in stats.values() if s.started]
    hardest = sorted(begun, key=lambda s: (s.pass_rate, -s.mean_attempts, -s.mean_hints))
    rejected = [r for r in records if r.status not in ("ok", "edited")]
    return ClassReport(exercises, learners, stats, hardest[:HARDEST_COUNT], rejected)


def _learner(item: LoadedRecord, exercises: list[str], known: list[str]) -> LearnerRow:
    record: dict[str, Any] = item.record  # type: ignore[assignment]
    cells = {}
    for eid in exercises:
        entry = record["exercises"].get(eid)
        if entry is None:
            continue
        cells[eid] = Cell(
            started=bool(entry["starts"] or entry["checks"]),
            passed=entry["passed_at"] is not None,
            attempts=len(entry["checks"]),
            hints=entry["hints"],
            solutions=entry["solutions"],
            time_s=entry["time_to_pass_s"],
        )
    left = [eid for eid in known if not (eid in cells and cells[eid].passed)]
    return LearnerRow(record["learner"], item.source, item.status == "edited", cells, left)


def _stat(eid: str, learners: list[LearnerRow]) -> ExerciseStat:
    cells = [row.cells[eid] for row in learners if eid in row.cells and row.cells[eid].started]
    times = [c.time_s for c in cells if c.time_s is not None]
    return ExerciseStat(
        exercise_id=eid,
        started=len(cells),
        passed=sum(c.passed for c in cells),
        mean_attempts=statistics.fmean([c.attempts for c in cells]) if cells else 0.0,
        mean_hints=statistics.fmean([c.hints for c in cells]) if cells else 0.0,
        solutions=sum(c.solutions for c in cells),
        median_time_s=statistics.median(times) if times else None,
    )


def duration(seconds: float | None) -> str:
    """Short human time: ``45s``, ``12m``, ``1h05m``; ``-`` when unknown."""
    if seconds is None:
        return "-"
    s = round(seconds)
    if s < 60:
        return f"{s}s"
    if s < 3600:
        return f"{s // 60}m"
    return f"{s // 3600}h{(s % 3600) // 60:02d}m"
