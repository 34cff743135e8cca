"""Reading the records a class handed in: any number of files or folders of files.

A record that is not valid JSON or not a valid progress record is *rejected* and named
in the report with the reason; one whose digest does not match its content was edited
by hand and is *kept but flagged*. Nothing a learner hands in can crash the report.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from mergecamp.errors import MergecampError
from mergecamp.i18n import Text
from mergecamp.progress import schema

Status = Literal["ok", "edited", "malformed", "superseded"]

NO_SUCH_PATH = Text(
    en="{path} does not exist. Pass exported progress files or folders holding them.",
    ko="{path}이 없어요. 내보낸 진행 기록 파일이나 그 파일들이 든 폴더를 넘겨 주세요.",
)
MAX_BYTES = 5_000_000  # a real record is a few KB; anything huge is not one


@dataclass
class LoadedRecord:
    source: Path
    status: Status
    record: dict[str, Any] | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def learner(self) -> str | None:
        return self.record.get("learner") if self.record else None


def collect_files(paths: list[Path]) -> list[Path]:
    """Every ``*.json`` under the given folders plus the given files, sorted, no repeats."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(p for p in sorted(path.rglob("*.json")) if p.is_file())
        elif path.is_file():
            files.append(path)
        else:
            raise MergecampError(NO_SUCH_PATH.format(path=path))
    seen: set[Path] = set()
    unique = []
    for f in files:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


def load_record(path: Path) -> LoadedRecord:
    """One file, judged: ``ok``, ``edited`` (digest mismatch) or ``malformed``."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return LoadedRecord(path, "malformed", problems=["file too large for a record"])
        data = json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        return LoadedRecord(path, "malformed", problems=[f"not readable JSON: {err}"])
    found = schema.problems(data)
    if found:
        return LoadedRecord(path, "malformed", problems=found)
    if data.get("digest") != schema.digest(data):
        return LoadedRecord(path, "edited", data, ["content does not match its digest"])
    return LoadedRecord(path, "ok", data)


def load_all(paths: list[Path]) -> list[LoadedRecord]:
    """All records; when one learner handed in several, the newest counts, others are
    marked ``superseded``."""
    loaded = [load_record(p) for p in collect_files(paths)]
    newest: dict[str, LoadedRecord] = {}
    for item in loaded:
        if item.record is None:
            continue
        name = item.learner or ""
        best = newest.get(name)
        if best is None or item.record["updated"] > best.record["updated"]:  # type: ignore[index]
            newest[name] = item
    for item in loaded:
        if item.record is not None and newest.get(item.learner or "") is not item:
            item.status = "superseded"
            item.problems.append(f"a newer record of {item.learner} was also handed in")
    return loaded
