"""The layout drawn as SVG, for the self-contained page of ``mergecamp graph --html``.

Every drawn commit is a ``<g class="commit" data-sha=…>`` and every label a
``<g class="label" data-ref=… data-sha=…>``, so a test (or a curious learner with the
browser's inspector) can match the picture against ``git log``. Labels use a monospace
font so their boxes can be sized without measuring text.

Commits, rows, labels and the HEAD marker are placed by a CSS ``transform`` and drawn
around their own origin, each keyed by sha or ref name: the live page
(``mergecamp watch``) swaps in a new drawing and lets CSS slide each keyed element from
where it was to where it is now, so a moved branch label moves.

HEAD is a marker of its own: on a branch it is a ``HEAD →`` box pointing at that
branch's label; detached, it is a dashed ``HEAD`` box on the commit itself.
"""

from __future__ import annotations

from mergecamp.escape import html as escape
from mergecamp.escape import plain as escape_plain
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


def _at(x: float, y: float) -> str:
    return f'style="transform:translate({x:g}px,{y:g}px)"'


def _node(n: Node) -> str:
    cx, cy = _x(n.lane), _y(n.row)
    fill = "#2b8a3e" if n.is_new else _colour(n.lane)
    ring = (
        f'<circle r="{R + 4}" fill="none" stroke="#111" stroke-width="2" class="head-ring"/>'
        if n.is_head
        else ""
    )
    shape = (
        f'<rect x="{-R}" y="{-R}" width="{2 * R}" height="{2 * R}" transform="rotate(45)" '
        f'fill="{fill}" stroke="#fff" stroke-width="1.5"/>'
        if n.is_new
        else f'<circle r="{R}" fill="{fill}" stroke="#fff" stroke-width="1.5"/>'
    )
    flags = f' data-new="{str(n.is_new).lower()}" data-head="{str(n.is_head).lower()}"'
    return (
        f'<g class="commit{" merge" if n.is_merge else ""}" data-sha="{n.sha}" '
        f'data-row="{n.row}" data-lane="{n.lane}" data-parents="{" ".join(n.parents)}"{flags} '
        f"{_at(cx, cy)}>{ring}{shape}<title>{n.short} {escape(n.subject)}</title></g>"
    )


HEAD_W = 4 * CHAR_W + 8  # the "HEAD" box
ARROW_W = 14


def _row_text(n: Node, x: float) -> str:
    y = _y(n.row)
    out = [
        f'<g class="row" data-sha="{n.sha}" {_at(x, y)}>'
        f'<text class="sha" y="4">{n.short}</text></g>'
    ]
    x += 8 * CHAR_W
    for label in n.labels:
        if label.kind == "branch" and label.current:
            out.append(_head_on_branch(label.text, n.sha, x, y))
            x += HEAD_W + ARROW_W
        shown = escape_plain(label.text) if label.kind == "branch" else label_text(label)
        w = len(shown) * CHAR_W + 8
        stroke = 1.6 if label.current else 0.6
        dash = ' stroke-dasharray="3 2"' if label.kind == "head" else ""
        cls = "label head-marker" if label.kind == "head" else "label"
        on = ' data-on="commit"' if label.kind == "head" else ""
        out.append(
            f'<g class="{cls}" data-ref="{escape(label.text)}" data-kind="{label.kind}" '
            f'data-sha="{n.sha}" data-current="{str(label.current).lower()}"{on} {_at(x, y)}>'
            f'<rect y="-9" width="{w:g}" height="18" rx="4" '
            f'fill="{LABEL_FILL[label.kind]}" stroke="{_label_stroke(label)}" '
            f'stroke-width="{stroke}"{dash}/>'
            f'<text x="4" y="4">{escape(shown)}</text></g>'
        )
        x += w + 6
    out.append(
        f'<g class="subject" data-sha="{n.sha}" {_at(x, y)}>'
        f'<text class="subject" y="4">{escape(n.subject)}</text></g>'
    )
    return "".join(out)


def _label_stroke(label) -> str:
    return "#c2410c" if label.kind == "head" else "#555"


def _head_on_branch(branch: str, sha: str, x: float, y: float) -> str:
    """``HEAD →`` before the label of the branch HEAD is on (``checkout <branch>``)."""
    return (
        f'<g class="head-marker" data-ref="HEAD" data-on="branch" data-branch="{escape(branch)}" '
        f'data-sha="{sha}" {_at(x, y)}>'
        f'<rect y="-9" width="{HEAD_W:g}" height="18" rx="4" fill="{LABEL_FILL["head"]}" '
        f'stroke="#1c7ed6" stroke-width="1.6"/>'
        f'<text x="4" y="4">HEAD</text>'
        f'<path d="M{HEAD_W + 1:g},0 h{ARROW_W - 5:g} m-4,-4 l4,4 l-4,4" fill="none" '
        f'stroke="#1c7ed6" stroke-width="1.6"/></g>'
    )


def _row_chars(n: Node) -> float:
    labels = sum(len(label_text(lb)) + 2 for lb in n.labels)  # HEAD → counts as "HEAD -> "
    # Wide (e.g. Korean) characters take about two columns.
    subject = sum(2 if ord(ch) > 0x2E80 else 1 for ch in n.subject)
    return 8 + labels + subject + 2
