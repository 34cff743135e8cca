"""The layout drawn as SVG, for the self-contained page of ``mergecamp graph --html``.

Every drawn commit is a ``<g class="commit" data-sha=…>`` and every label a
``<g class="label" data-ref=… data-sha=…>``, so a test (or a curious learner with the
browser's inspector) can match the picture against ``git log``. Labels use a monospace
font so their boxes can be sized without measuring text.
"""

from __future__ import annotations

from mergecamp.escape import html as escape
from mergecamp.graph.layout import Edge, Layout, Node
from mergecamp.graph.text import label_text

DX, DY, PAD, R = 22, 30, 18, 7
CHAR_W = 7.3  # width of one character of the 12px monospace font, generously
LANE_COLOURS = ("#1f77b4", "#d62728", "#9467bd", "#2ca02c", "#ff7f0e", "#17becf", "#8c564b")
LABEL_FILL = {
    "branch": "#d8f3dc",
    "remote": "#fde2e4",
    "tag": "#fff3bf",
    "head": "#d0ebff",
    "merge-head": "#f3d9fa",
}


def _x(lane: float) -> float:
    return PAD + lane * DX


def _y(row: float) -> float:
    return PAD + row * DY


def _colour(lane: int) -> str:
    return LANE_COLOURS[lane % len(LANE_COLOURS)]


def render_svg(layout: Layout, *, title: str, graph_id: str) -> str:
    """One ``<svg>`` element drawing ``layout``; ``graph_id`` names it in the page."""
    text_x = _x(max(layout.lanes, 1)) + 4
    widest = max((_row_chars(n) for n in layout.nodes), default=20)
    width = int(text_x + widest * CHAR_W + PAD)
    height = int(_y(max(layout.rows, 1)) + PAD)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" id="{escape(graph_id)}" class="graph" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(title)}" data-commits="{layout.rows}" data-lanes="{layout.lanes}">',
        f"<title>{escape(title)}</title>",
    ]
    parts += [_edge(e, layout.rows) for e in layout.edges]
    for node in layout.nodes:
        parts.append(_node(node))
        parts.append(_row_text(node, text_x))
    if not layout.nodes:
        parts.append(f'<text x="{PAD}" y="{PAD + 4}" class="empty">(no commits)</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def _edge(e: Edge, rows: int) -> str:
    x1, y1 = _x(e.child_lane), _y(e.child_row)
    xv = _x(e.via_lane)
    end_row = min(e.parent_row, rows - 0.5) if e.parent_row >= rows else e.parent_row
    x2, y2 = _x(e.parent_lane), _y(end_row)
    d = [f"M{x1:g},{y1:g}"]
    top = y1
    if e.via_lane != e.child_lane:
        top = y1 + DY / 2
        d.append(f"C{x1:g},{y1 + DY / 3:g} {xv:g},{y1 + DY / 6:g} {xv:g},{top:g}")
    bottom = y2 - DY / 2 if e.via_lane != e.parent_lane else y2
    if bottom > top:
        d.append(f"L{xv:g},{bottom:g}")
    if e.via_lane != e.parent_lane:
        d.append(f"C{xv:g},{bottom + DY / 3:g} {x2:g},{y2 - DY / 6:g} {x2:g},{y2:g}")
    dash = ' stroke-dasharray="4 3"' if e.parent_row >= rows else ""
    return (
        f'<path class="edge{" merge" if e.merge else ""}" data-child="{e.child}" '
        f'data-parent="{e.parent}" d="{" ".join(d)}" fill="none" '
        f'stroke="{_colour(e.via_lane)}" stroke-width="2"{dash}/>'
    )


def _node(n: Node) -> str:
    cx, cy = _x(n.lane), _y(n.row)
    fill = "#2b8a3e" if n.is_new else _colour(n.lane)
    ring = (
        f'<circle cx="{cx:g}" cy="{cy:g}" r="{R + 4}" fill="none" stroke="#111" '
        f'stroke-width="2" class="head-ring"/>'
        if n.is_head
        else ""
    )
    shape = (
        f'<rect x="{cx - R:g}" y="{cy - R:g}" width="{2 * R}" height="{2 * R}" '
        f'transform="rotate(45 {cx:g} {cy:g})" fill="{fill}" stroke="#fff" stroke-width="1.5"/>'
        if n.is_new
        else f'<circle cx="{cx:g}" cy="{cy:g}" r="{R}" fill="{fill}" stroke="#fff" '
        f'stroke-width="1.5"/>'
    )
    flags = f' data-new="{str(n.is_new).lower()}" data-head="{str(n.is_head).lower()}"'
    return (
        f'<g class="commit{" merge" if n.is_merge else ""}" data-sha="{n.sha}" '
        f'data-row="{n.row}" data-lane="{n.lane}" data-parents="{" ".join(n.parents)}"{flags}>'
        f"{ring}{shape}<title>{n.short} {escape(n.subject)}</title></g>"
    )


def _row_text(n: Node, x: float) -> str:
    y = _y(n.row)
    out = [f'<text class="sha" x="{x:g}" y="{y + 4:g}">{n.short}</text>']
    x += 8 * CHAR_W
    for label in n.labels:
        shown = label_text(label)
        w = len(shown) * CHAR_W + 8
        stroke = 1.6 if label.current else 0.6
        out.append(
            f'<g class="label" data-ref="{escape(label.text)}" data-kind="{label.kind}" '
            f'data-sha="{n.sha}" data-current="{str(label.current).lower()}">'
            f'<rect x="{x:g}" y="{y - 9:g}" width="{w:g}" height="18" rx="4" '
            f'fill="{LABEL_FILL[label.kind]}" stroke="#555" stroke-width="{stroke}"/>'
            f'<text x="{x + 4:g}" y="{y + 4:g}">{escape(shown)}</text></g>'
        )
        x += w + 6
    out.append(f'<text class="subject" x="{x:g}" y="{y + 4:g}">{escape(n.subject)}</text>')
    return "".join(out)


def _row_chars(n: Node) -> float:
    labels = sum(len(label_text(lb)) + 2 for lb in n.labels)
    # Wide (e.g. Korean) characters take about two columns.
    subject = sum(2 if ord(ch) > 0x2E80 else 1 for ch in n.subject)
    return 8 + labels + subject + 2
