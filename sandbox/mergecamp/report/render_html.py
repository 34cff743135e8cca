"""``mergecamp report --html FILE``: one self-contained page (inline CSS and SVG, no
script, no network) with the class table and two bar charts.

Every text goes through ``mergecamp.escape.html`` (``html.escape`` with quotes, and no
control characters), in element text and in attributes alike."""

from __future__ import annotations

from mergecamp.escape import html as escape
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

CSS = """
body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #222; }
table { border-collapse: collapse; margin: 8px 0 24px; }
th, td { border: 1px solid #ddd; padding: 2px 6px; text-align: left; white-space: nowrap; }
th { background: #f4f4f4; }
td.pass { background: #e6f4ea; } td.fail { background: #fdecea; } td.none { color: #aaa; }
.edited { color: #b35c00; }
.charts { display: flex; flex-wrap: wrap; gap: 32px; }
svg text { font: 11px system-ui, sans-serif; }
"""


def _bar_chart(title: str, chart_id: str, rows: list[tuple[str, float]], fmt: str) -> str:
    """A horizontal bar chart in inline SVG; values scaled to the largest."""
    bar_h, gap, label_w, bar_w = 14, 4, 150, 260
    height = len(rows) * (bar_h + gap) + 24
    top = max((v for _, v in rows), default=0) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" id="{chart_id}" width="{label_w + bar_w + 60}" '
        f'height="{height}" role="img" aria-label="{escape(title)}">',
        f'<text x="0" y="12" font-weight="bold">{escape(title)}</text>',
    ]
    for i, (name, value) in enumerate(rows):
        y = 20 + i * (bar_h + gap)
        w = bar_w * value / top
        parts.append(
            f'<g class="bar" data-exercise="{escape(name)}" data-value="{value:g}">'
            f'<text x="{label_w - 4}" y="{y + 11}" text-anchor="end">{escape(name)}</text>'
            f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="#4c6ef5"/>'
            f'<text x="{label_w + w + 4:.1f}" y="{y + 11}">{fmt.format(value)}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def to_html(report: ClassReport, lang: Lang) -> str:
    body = [f"<h1>{escape(texts.TITLE(lang))}</h1>", f"<p>{escape(summary_text(report, lang))}</p>"]
    if not report.learners:
        body.append(f"<p>{escape(texts.NO_RECORDS(lang))}</p>")
    else:
        body += _table(report, lang)
        stats = [report.stats[e] for e in report.exercises]
        body.append('<div class="charts">')
        body.append(
            _bar_chart(
                texts.CHART_PASS(lang),
                "chart-passed",
                [(s.exercise_id, s.passed) for s in stats],
                "{:g}",
            )
        )
        body.append(
            _bar_chart(
                texts.CHART_HINTS(lang),
                "chart-hints",
                [(s.exercise_id, round(s.mean_hints, 2)) for s in stats],
                "{:.1f}",
            )
        )
        body.append("</div>")
        body += _hardest(report, lang)
        body.append(f"<h2>{escape(texts.LEFT(lang))}</h2><ul>")
        for row in report.learners:
            left = ", ".join(row.left) if row.left else texts.ALL_DONE(lang)
            body.append(f"<li><b>{escape(row.name)}</b>: {escape(left)}</li>")
        body.append("</ul>")
    problems = [(str(r.source), status_text(r, lang)) for r in report.rejected]
    problems += [(str(row.source), texts.EDITED(lang)) for row in report.learners if row.edited]
    if problems:
        body.append(f'<h2>{escape(texts.PROBLEMS(lang))}</h2><ul id="problems">')
        body += [f"<li><code>{escape(s)}</code>: {escape(m)}</li>" for s, m in problems]
        body.append("</ul>")
    return (
        f'<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{escape(texts.TITLE(lang))}</title><style>{CSS}</style></head>\n<body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )


def _table(report: ClassReport, lang: Lang) -> list[str]:
    out = [f"<h2>{escape(texts.CLASS_TABLE(lang))}</h2><p>{escape(texts.LEGEND(lang))}</p>"]
    head = "".join(
        f'<th title="{escape(e)}">{i}. {escape(e)}</th>' for i, e in enumerate(report.exercises, 1)
    )
    out.append(
        f'<table id="class-table"><tr><th>{escape(texts.LEARNER(lang))}</th>{head}'
        f"<th>{escape(texts.PASSED(lang))}</th><th>{escape(texts.HINTS(lang))}</th></tr>"
    )
    for row in report.learners:
        cells = []
        for eid in report.exercises:
            cell = row.cells.get(eid)
            cls = (
                "none" if cell is None or not cell.started else ("pass" if cell.passed else "fail")
            )
            cells.append(
                f'<td class="{cls}" data-exercise="{escape(eid)}">{escape(cell_text(cell))}</td>'
            )
        name_cls = ' class="edited"' if row.edited else ""
        out.append(
            f'<tr data-learner="{escape(row.name)}"><th{name_cls}>{escape(row.name)}</th>'
            f"{''.join(cells)}<td>{row.passed}</td><td>{row.hints}</td></tr>"
        )
    out.append("</table>")
    return out


def _hardest(report: ClassReport, lang: Lang) -> list[str]:
    heads = HARDEST_COLUMNS
    out = [f'<h2>{escape(texts.HARDEST(lang))}</h2><table id="hardest"><tr>']
    out.append("".join(f"<th>{escape(h(lang))}</th>" for h in heads) + "</tr>")
    for s in report.hardest:
        out.append("<tr>" + "".join(f"<td>{escape(v)}</td>" for v in hardest_row(s)) + "</tr>")
    out.append("</table>")
    return out
