"""Reading the records a class handed in: any number of files or folders of files.

A record that is not valid JSON or not a valid progress record is *rejected* and named
in the report with the reason; one whose digest does not match its content was edited
by hand and is *kept but flagged*. Nothing a learner hands in can crash the report.

Validation is strict because anyone can write a record by hand: bounded file size,
nesting depth (measured on the text before parsing, so no recursion can overflow),
string and list lengths; finite numbers only (``NaN``, ``Infinity`` and ``1e999`` are
refused: ``json`` would accept them); known exercise ids only. Each refusal is one line
naming the field. The texts that pass still go through ``mergecamp.escape`` wherever
they are shown.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from mergecamp import tracks
from mergecamp.errors import MergecampError
from mergecamp.i18n import Text
from mergecamp.progress import schema

Status = Literal["ok", "edited", "malformed", "superseded"]

NO_SUCH_PATH = Text(
    en="{path} does not exist. Pass exported progress files or folders holding them.",
    ko="{path}이(가) 없어요. 내보낸 진행 기록 파일이나 그 파일들이 든 폴더를 넘겨 주세요.",
)
MAX_BYTES = 5_000_000  # a real record is a few KB; anything huge is not one
MAX_DEPTH = 8  # a record nests 5 deep: record › exercises › entry › checks › check
MAX_STRING = 200  # learner names, exercise ids, timestamps
MAX_ITEMS = 50_000  # checks of one exercise, keys of one object
MAX_REASONS = 5  # a record with a thousand faults is named with its first few

_STRING = re.compile(r'"(?:[^"\\]++|\\.)*+"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


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
        data, problem = parse(path.read_bytes())
    except OSError as err:
        return LoadedRecord(path, "malformed", problems=[f"not readable: {err.strerror or err}"])
    if problem is not None:
        return LoadedRecord(path, "malformed", problems=[problem])
    found = shape_problems(data) or schema.problems(data) or _unknown_ids(data)
    if found:
        return LoadedRecord(path, "malformed", problems=found[:MAX_REASONS])
    if data.get("digest") != schema.digest(data):
        return LoadedRecord(path, "edited", data, ["content does not match its digest"])
    return LoadedRecord(path, "ok", data)


class NonFinite:
    """Where the file says ``NaN``, ``Infinity`` or a number too large for a float: kept
    as a marker so the refusal can name the field."""

    def __init__(self, text: str) -> None:
        self.text = text


def _number(text: str) -> float | NonFinite:
    value = float(text)
    return value if math.isfinite(value) else NonFinite(text)


def nesting_depth(text: str) -> int:
    """How deep the JSON in ``text`` nests, counted without parsing or recursion."""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    steps = (1 if ch in "[{" else -1 for ch in brackets)
    return max(itertools.accumulate(steps), default=0)


def parse(raw: bytes) -> tuple[Any, str | None]:
    """The JSON value in ``raw``, or ``None`` and why it cannot be a record."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return None, f"not UTF-8 text (byte {err.start})"
    depth = nesting_depth(text)
    if depth > MAX_DEPTH:
        return None, f"nested {depth} levels deep; a record nests at most {MAX_DEPTH}"
    try:
        return json.loads(text, parse_constant=NonFinite, parse_float=_number), None
    except RecursionError:  # the depth check should have caught it; never crash on it
        return None, f"nested more than {MAX_DEPTH} levels deep"
    except json.JSONDecodeError as err:
        return None, f"not readable JSON: {err}"
    except ValueError:  # an integer longer than Python reads (4300 digits)
        return None, "not readable JSON: a number too long to be a count"


def shape_problems(data: Any) -> list[str]:
    """Non-finite numbers, over-long strings or lists and text that is not Unicode,
    anywhere in ``data``, each named by its field (walked without recursion)."""
    found: list[str] = []
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), data)]
    while stack and len(found) < MAX_REASONS:
        path, value = stack.pop()
        if isinstance(value, NonFinite):
            shown = schema.short(value.text)
            found.append(f"{schema.field_path(*path)}: {shown} is not a finite number")
        elif isinstance(value, str):
            found += _text_problems(path, value, "text")
        elif isinstance(value, list):
            if len(value) > MAX_ITEMS:
                found.append(f"{schema.field_path(*path)}: more than {MAX_ITEMS} items")
                continue
            stack.extend(((*path, i), item) for i, item in enumerate(value))
        elif isinstance(value, dict):
            if len(value) > MAX_ITEMS:
                found.append(f"{schema.field_path(*path)}: more than {MAX_ITEMS} keys")
                continue
            for key, item in value.items():
                problems = _text_problems(path, key, "key")
                found += problems
                if not problems:
                    stack.append(((*path, key), item))
    return found


def _text_problems(path: tuple[str | int, ...], text: str, what: str) -> list[str]:
    if len(text) > MAX_STRING:
        return [f"{schema.field_path(*path)}: a {what} longer than {MAX_STRING} characters"]
    if _SURROGATE.search(text):
        return [f"{schema.field_path(*path)}: a {what} that is not valid Unicode"]
    return []


def _unknown_ids(data: dict[str, Any]) -> list[str]:
    """Exercise ids this mergecamp does not know: the record is set aside, with them named."""
    known = set(tracks.all_ids())
    return [
        f"{schema.field_path('exercises', eid)}: unknown exercise id "
        f"(this mergecamp knows {len(known)}; a newer version may know more)"
        for eid in data["exercises"]
        if eid not in known
    ]


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
