"""A made-up class of learners for the report's tests and benchmark: realistic records
(written through the real event code, so they are valid and sealed) with a seeded RNG."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from mergecamp import tracks
from mergecamp.progress import apply_event, schema


def make_record(learner: str, rng: random.Random) -> dict:
    """One learner who worked through a random prefix of the tracks."""
    t = datetime(2024, 3, 4, 9, 0, tzinfo=UTC)
    record = schema.new_record(learner, t.isoformat(timespec="milliseconds"))
    ids = tracks.all_ids()
    for eid in ids[: rng.randint(0, len(ids))]:
        t += timedelta(seconds=rng.randint(5, 60))
        apply_event(record, eid, "start", t.isoformat(timespec="milliseconds"))
        for _ in range(rng.randint(0, 3)):
            t += timedelta(seconds=rng.randint(5, 120))
            apply_event(record, eid, "hint", t.isoformat(timespec="milliseconds"))
        attempts = rng.randint(1, 6)
        passes = rng.random() < 0.8
        for i in range(attempts):
            t += timedelta(seconds=rng.randint(20, 900))
            passed = passes and i == attempts - 1
            apply_event(record, eid, "check", t.isoformat(timespec="milliseconds"), passed)
    record["updated"] = t.isoformat(timespec="milliseconds")
    return schema.seal(record)


def write_class(folder: Path, learners: int, seed: int = 7) -> list[Path]:
    """Write ``learners`` exported records into ``folder``; returns their paths."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(learners):
        path = folder / f"learner-{i:03d}.json"
        path.write_text(json.dumps(make_record(f"learner {i:03d}", rng), ensure_ascii=False))
        paths.append(path)
    return paths
