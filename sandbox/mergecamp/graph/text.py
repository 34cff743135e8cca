"""The layout drawn with box characters for the terminal (``mergecamp graph``).

Each commit row is one line; a line above it joins lanes that end in this commit and a
line below forks the lanes it opens (only when a lane actually bends). Every cell
collects the directions that pass through it (up, down, left, right) and becomes the box
character for that set, so crossings and junctions come out right without special cases.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from mergecamp import escape
from mergecamp.graph.layout import Edge, Layout, Node
from rich.text import Text as RichText

U, D, L, R = "u", "d", "l", "r"
_BOX = {
    frozenset({U, D}): "│",
    frozenset({L, R}): "─",
    frozenset({U, R}): "╰",
    frozenset({U, L}): "╯",
    frozenset({D, R}): "╭",
    frozenset({D, L}): "╮",
    frozenset({U, D, R}): "├",
    frozenset({U, D, L}): "┤",
    frozenset({U, L, R}): "┴",
    frozenset({D, L, R}): "┬",
    frozenset({U, D, L, R}): "┼",
    frozenset({U}): "╵",
    frozenset({D}): "╷",
    frozenset({L}): "─",
    frozenset({R}): "─",
}
_ASCII = {"│": "|", "─": "-", "╵": "|", "╷": "|"}
LANE_COLOURS = ("cyan", "magenta", "yellow", "green", "blue", "red", "bright_cyan")


@dataclass
class _Line:
    node: Node | None = None

    def __post_init__(self) -> None:
        self.cells: dict[int, set[str]] = defaultdict(set)
        self.colour: dict[int, int] = {}

    def add(self, col: int, dirs: set[str], lane: int) -> None:
        self.cells[col] |= dirs
        self.colour.setdefault(col, lane)

    def bends(self) -> bool:
        return any(dirs - {U, D} for dirs in self.cells.values())


def draw(layout: Layout, *, ascii_only: bool = False, colour: bool = True) -> list[RichText]:
    """One rich ``Text`` per output line; ``.plain`` gives the uncoloured string."""
    n = layout.rows
    joins = [_Line() for _ in range(n)]
    commits = [_Line(node) for node in layout.nodes]
    forks = [_Line() for _ in range(n)]
    for edge in layout.edges:
        _trace(edge, n, joins, commits, forks)
    width = 2 * max(layout.lanes, 1) - 1
    out: list[RichText] = []
    for row in range(n):
        for line in (joins[row], commits[row], forks[row]):
            if line.node is None and not line.bends():
                continue
            out.append(_render(line, width, ascii_only, colour))
    return out


def draw_plain(layout: Layout, *, ascii_only: bool = False) -> str:
    """The drawing as plain text, for tests and for output that is not a terminal."""
    return "\n".join(t.plain for t in draw(layout, ascii_only=ascii_only, colour=False))


def _trace(e: Edge, n: int, joins: list[_Line], commits: list[_Line], forks: list[_Line]) -> None:
    lane = e.via_lane
    if e.via_lane == e.child_lane:
        forks[e.child_row].add(2 * lane, {U, D}, lane)
    else:
        _horizontal(forks[e.child_row], e.child_lane, e.via_lane, {U}, {D}, lane)
    for row in range(e.child_row + 1, min(e.parent_row, n)):
        for line in (joins[row], commits[row], forks[row]):
            line.add(2 * lane, {U, D}, lane)
    if e.parent_row >= n:
        return
    if e.via_lane == e.parent_lane:
        joins[e.parent_row].add(2 * lane, {U, D}, lane)
    else:
        _horizontal(joins[e.parent_row], e.via_lane, e.parent_lane, {U}, {D}, lane)


def _horizontal(line: _Line, src: int, dst: int, src_v: set[str], dst_v: set[str], lane: int):
    """A bend from lane ``src`` (joined vertically by ``src_v``) to ``dst`` (by ``dst_v``)."""
    a, b = 2 * src, 2 * dst
    step = 1 if b > a else -1
    line.add(a, src_v | {R if step > 0 else L}, lane)
    for col in range(a + step, b, step):
        line.add(col, {L, R}, lane)
    line.add(b, dst_v | {L if step > 0 else R}, lane)


def _render(line: _Line, width: int, ascii_only: bool, colour: bool) -> RichText:
    text = RichText()
    for col in range(width):
        if line.node is not None and col == 2 * line.node.lane:
            text.append(_glyph(line.node, ascii_only), style=_node_style(line.node, colour))
            continue
        dirs = line.cells.get(col)
        char = _BOX.get(frozenset(dirs), "?") if dirs else " "
        if ascii_only and char != " ":
            char = _ASCII.get(char, "+")
        lane = line.colour.get(col, 0)
        text.append(char, style=LANE_COLOURS[lane % len(LANE_COLOURS)] if colour and dirs else "")
    if line.node is not None:
        _describe(text, line.node, colour)
    return text


def _glyph(node: Node, ascii_only: bool) -> str:
    if ascii_only:
        return "#" if node.is_new else "*"
    return "◆" if node.is_new else "●"


def _node_style(node: Node, colour: bool) -> str:
    if not colour:
        return ""
    return "bold green" if node.is_new else ("bold" if node.is_head else "")


def _describe(text: RichText, node: Node, colour: bool) -> None:
    text.append("  ")
    text.append(node.short, style="yellow" if colour else "")
    if node.labels:
        text.append(" (")
        for i, label in enumerate(node.labels):
            if i:
                text.append(", ")
            text.append(label_text(label), style=_label_style(label) if colour else "")
        text.append(")")
    text.append(" " + escape.terminal(node.subject))


def label_text(label) -> str:
    """How a label reads: ``HEAD -> main`` for the current branch, ``tag: v1`` for tags
    (control characters in a ref name shown, never acted on)."""
    name = escape.plain(label.text)
    if label.kind == "branch" and label.current:
        return f"HEAD -> {name}"
    if label.kind == "tag":
        return f"tag: {name}"
    return name


def _label_style(label) -> str:
    return {
        "branch": "bold green",
        "remote": "red",
        "tag": "bold yellow",
        "head": "bold cyan",
        "merge-head": "bold magenta",
    }[label.kind]
