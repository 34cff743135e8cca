"""How the report's pieces read (summary, cells, hardest rows, problems): shared by the
terminal, Markdown and HTML views, so the three always say the same."""

from __future__ import annotations

from mergecamp.i18n import Lang, Text
from mergecamp.report import texts
from mergecamp.report.model import Cell, ClassReport, ExerciseStat, duration
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


#: The columns of the "hardest exercises" table, in order.
HARDEST_COLUMNS: tuple[Text, ...] = (
    texts.EXERCISE,
    texts.STARTED,
    texts.PASS_RATE,
    texts.MEAN_ATTEMPTS,
    texts.MEAN_HINTS,
    texts.SOLUTIONS,
    texts.MEDIAN_TIME,
)


def hardest_row(stat: ExerciseStat) -> list[str]:
    """One row of the "hardest exercises" table, matching ``HARDEST_COLUMNS``."""
    return [
        stat.exercise_id,
        str(stat.started),
        f"{stat.pass_rate:.0%}",
        f"{stat.mean_attempts:.1f}",
        f"{stat.mean_hints:.1f}",
        str(stat.solutions),
        duration(stat.median_time_s),
    ]


def summary_text(report: ClassReport, lang: Lang) -> str:
    """The line under the title: how many learners, exercises and unusable records."""
    return texts.SUMMARY.format(
        learners=len(report.learners),
        exercises=len(report.exercises),
        rejected=len(report.rejected),
    )(lang)
