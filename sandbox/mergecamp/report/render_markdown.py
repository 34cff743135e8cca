"""``mergecamp report --markdown``: tables that paste into a wiki or an issue.

Every cell and every name or file name goes through ``escape.markdown``: a learner
called ``*[x](http://…)*`` or ``a|b`` is shown as written, never as a link, emphasis or
an extra column."""

from __future__ import annotations

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


def _row(values: list[str]) -> str:
    return "| " + " | ".join(escape.markdown(v) for v in values) + " |"


def to_markdown(report: ClassReport, lang: Lang) -> str:
    lines = [f"# {texts.TITLE(lang)}", "", summary_text(report, lang), ""]
    if not report.learners:
        lines += [texts.NO_RECORDS(lang), ""]
    else:
        lines += [f"## {texts.CLASS_TABLE(lang)}", "", texts.LEGEND(lang), ""]
        header = (
            [texts.LEARNER(lang)]
            + [f"{i}. {eid}" for i, eid in enumerate(report.exercises, 1)]
            + [texts.PASSED(lang), texts.HINTS(lang)]
        )
        lines += [_row(header), _row(["---"] * len(header))]
        for row in report.learners:
            name = row.name + (" ⚠" if row.edited else "")
            cells = [cell_text(row.cells.get(eid)) for eid in report.exercises]
            lines.append(_row([name, *cells, str(row.passed), str(row.hints)]))
        lines += ["", f"## {texts.HARDEST(lang)}", ""]
        head = HARDEST_COLUMNS
        lines += [_row([t(lang) for t in head]), _row(["---"] * len(head))]
        for s in report.hardest:
            lines.append(_row(hardest_row(s)))
        lines += ["", f"## {texts.LEFT(lang)}", ""]
        for row in report.learners:
            left = ", ".join(row.left) if row.left else texts.ALL_DONE(lang)
            lines.append(f"- **{escape.markdown(row.name)}**: {escape.markdown(left)}")
        lines.append("")
    problems = _problems(report, lang)
    if problems:
        lines += [f"## {texts.PROBLEMS(lang)}", "", *problems, ""]
    return "\n".join(lines)


def _problems(report: ClassReport, lang: Lang) -> list[str]:
    md = escape.markdown
    out = [f"- {md(r.source)}: {md(status_text(r, lang))}" for r in report.rejected]
    out += [
        f"- {md(row.source)} ({md(row.name)}): {md(texts.EDITED(lang))}"
        for row in report.learners
        if row.edited
    ]
    return out
