"""How one cell and one problem read: shared by the terminal, Markdown and HTML views."""

from __future__ import annotations

from mergecamp.i18n import Lang
from mergecamp.report import texts
from mergecamp.report.model import Cell, duration
from mergecamp.report.records import LoadedRecord


def cell_text(cell: Cell | None, *, compact: bool = False) -> str:
    """``✔3 h1 4m``: mark, checks run, hints (if any), time to pass (if passed);
    ``compact`` keeps only the mark and the checks, for a narrow terminal."""
    if cell is None or not cell.started:
        return "·"
    out = f"{'✔' if cell.passed else '✘'}{cell.attempts}"
    if compact:
        return out
    if cell.hints:
        out += f" h{cell.hints}"
    if cell.passed and cell.time_s is not None:
        out += f" {duration(cell.time_s)}"
    return out


def status_text(item: LoadedRecord, lang: Lang) -> str:
    """Why a record is listed among the problems, with its first reasons."""
    label = {"malformed": texts.MALFORMED, "edited": texts.EDITED, "superseded": texts.SUPERSEDED}[
        item.status
    ]
    reasons = "; ".join(item.problems[:3])
    return f"{label(lang)}: {reasons}" if reasons else label(lang)
