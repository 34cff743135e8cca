"""The self-contained HTML page of ``mergecamp graph --html``: the learner's graph
beside the goal graph, inline SVG and CSS only (no script, no network), so it opens
from a file on a classroom machine without internet."""

from __future__ import annotations

from dataclasses import dataclass

from mergecamp.escape import html as escape
from mergecamp.graph.layout import Layout
from mergecamp.graph.svg import render_svg
from mergecamp.i18n import Lang, Text

TITLE = Text(en="Commit graph", ko="커밋 그래프")
YOURS = Text(en="Your repository", ko="내 저장소")
GOAL = Text(en="Goal", ko="목표")
LEGEND = Text(
    en="● commit · ◆ your new commit · ring = HEAD's commit · HEAD → main = HEAD on a branch "
    "(new commits move it) · dashed HEAD = detached HEAD, on a commit · dashed line = history "
    "goes on below",
    ko="● 커밋 · ◆ 새로 만든 커밋 · 테두리 = HEAD가 있는 커밋 · HEAD → main = 브랜치 위의 "
    "HEAD(새 커밋이 브랜치를 옮겨요) · 점선 HEAD = 커밋 위에 분리된 HEAD(detached) · 점선 = "
    "아래로 히스토리가 더 있어요",
)


@dataclass(frozen=True)
class Panel:
    """One graph on the page: a heading, an optional note, and its layout."""

    graph_id: str
    heading: str
    layout: Layout
    note: str = ""


CSS = """
body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #222; background: #fff; }
h1 { font-size: 20px; margin: 0 0 4px; }
.meta { color: #555; margin: 0 0 16px; }
.panels { display: flex; flex-wrap: wrap; gap: 32px; align-items: flex-start; }
section { border: 1px solid #ddd; border-radius: 8px; padding: 12px 16px; }
section h2 { font-size: 16px; margin: 0 0 8px; }
.note { color: #555; margin: 0 0 8px; max-width: 60ch; }
svg.graph text { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
svg.graph text.subject { font-family: system-ui, sans-serif; fill: #333; }
svg.graph text.sha { fill: #8a6d00; }
.legend { color: #555; margin-top: 16px; }
"""


def render_page(panels: list[Panel], *, heading: str, meta: str, lang: Lang) -> str:
    """The whole page as a string (UTF-8 HTML5)."""
    sections = []
    for panel in panels:
        note = f'<p class="note">{escape(panel.note)}</p>' if panel.note else ""
        svg = render_svg(panel.layout, title=panel.heading, graph_id=panel.graph_id)
        sections.append(
            f'<section data-graph="{escape(panel.graph_id)}"><h2>{escape(panel.heading)}</h2>'
            f"{note}\n{svg}\n</section>"
        )
    return (
        f'<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(heading)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f'<h1>{escape(heading)}</h1>\n<p class="meta">{escape(meta)}</p>\n'
        f'<div class="panels">\n{"".join(sections)}\n</div>\n'
        f'<p class="legend">{escape(LEGEND(lang))}</p>\n</body>\n</html>\n'
    )
