"""The report in the terminal (rich): columns are numbered to fit 17 exercises on a
screen, with a key below the table.

Everything that came from a record or a file name is a rich ``Text`` (never read as
markup) of ``escape.terminal`` (no control characters), so ``[/red]`` or an escape
sequence in a name shows as written and does nothing."""

from __future__ import annotations

from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text as RichText

from mergecamp import escape
from mergecamp.i18n import Lang
from mergecamp.report import texts
from mergecamp.report.cells import (
    HARDEST_COLUMNS,
    cell_text,
    hardest_row,
    status_text,
    summary_text,
)
from mergecamp.report.model import ClassReport


def _shown(value: object) -> str:
    return escape.terminal(value)


def _data(value: str) -> RichText:
    """A cell holding text from a record: literal, whatever brackets it holds."""
    return RichText(escape.terminal(value))


def _style(mark: str) -> str:
    return {"✔": "green", "✘": "red"}.get(mark[:1], "dim")


def renderables(report: ClassReport, lang: Lang, width: int | None = None) -> list:
    """The report as rich renderables, in reading order; the class table is compact
    when it would be wider than ``width``."""
    out: list = [
        RichText(texts.TITLE(lang), style="bold"),
        RichText(summary_text(report, lang)),
    ]
    if not report.learners:
        out.append(RichText(texts.NO_RECORDS(lang), style="yellow"))
    else:
        table = _class_table(report, lang, compact=False)
        if width is not None and _measure(table) > width:
            table = _class_table(report, lang, compact=True)
            out.append(RichText(texts.COMPACT(lang), style="dim"))
        out += [table, _key(report, lang)]
        if report.hardest:
            out.append(_hardest(report, lang))
        out.append(_left(report, lang))
    problems = _problems(report, lang)
    if problems is not None:
        out.append(problems)
    return out


def print_report(report: ClassReport, lang: Lang, console: Console | None = None) -> None:
    """Print to a terminal at its width; to a file or pipe as wide as the table needs."""
    console = console or Console(highlight=False)
    if console.is_terminal:
        console.print(Group(*renderables(report, lang, console.width)))
        return
    items = renderables(report, lang)
    wide = max([console.width, *(_measure(r) for r in items if isinstance(r, Table))])
    Console(width=wide, highlight=False, file=console.file).print(Group(*items))


def _measure(renderable) -> int:
    return Console(width=100_000).measure(renderable).maximum


def _class_table(report: ClassReport, lang: Lang, *, compact: bool) -> Table:
    table = Table(
        title=texts.CLASS_TABLE(lang),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        padding=(0, 1),
        pad_edge=False,
    )
    table.add_column(texts.LEARNER(lang), no_wrap=True)
    for i, _ in enumerate(report.exercises, 1):
        table.add_column(str(i), justify="left")
    table.add_column(texts.PASSED(lang), justify="right")
    table.add_column(texts.HINTS(lang), justify="right")
    for row in report.learners:
        name = _data(row.name + (" ⚠" if row.edited else ""))
        cells = []
        for eid in report.exercises:
            shown = cell_text(row.cells.get(eid), compact=compact)
            cells.append(RichText(shown, style=_style(shown)))
        table.add_row(name, *cells, str(row.passed), str(row.hints))
    return table


def _key(report: ClassReport, lang: Lang) -> RichText:
    pairs = "  ".join(f"{i} {eid}" for i, eid in enumerate(report.exercises, 1))
    return RichText(f"{texts.LEGEND(lang)}\n{escape.terminal(pairs)}", style="dim")


def _hardest(report: ClassReport, lang: Lang) -> Table:
    table = Table(title=texts.HARDEST(lang), title_justify="left")
    for head in HARDEST_COLUMNS:
        table.add_column(head(lang))
    for s in report.hardest:
        table.add_row(*(_data(value) for value in hardest_row(s)))
    return table


def _left(report: ClassReport, lang: Lang) -> RichText:
    text = RichText(texts.LEFT(lang) + "\n", style="bold")
    for row in report.learners:
        text.append(f"  {escape.terminal(row.name)}: ", style="bold")
        left = escape.terminal(", ".join(row.left)) if row.left else texts.ALL_DONE(lang)
        text.append(left + "\n", style="")
    return text


def _problems(report: ClassReport, lang: Lang) -> RichText | None:
    lines = [f"  {_shown(r.source)}: {_shown(status_text(r, lang))}" for r in report.rejected]
    lines += [
        f"  {_shown(row.source)} ({_shown(row.name)}): {texts.EDITED(lang)}"
        for row in report.learners
        if row.edited
    ]
    if not lines:
        return None
    return RichText(texts.PROBLEMS(lang) + "\n" + "\n".join(lines), style="yellow")
