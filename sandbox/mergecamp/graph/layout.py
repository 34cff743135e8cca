"""Commits → rows, lanes and edges: the one layout both the terminal and the SVG draw.

Rows are commits newest first (children above parents). Each lane is a vertical track
that waits for one commit: a commit takes the lane that waits for it (the leftmost if
several do), hands that lane on to its first parent, and opens or reuses a lane for each
further parent (a merge). An edge therefore runs from the child's lane into its *via*
lane just below the child, straight down, and into the parent's lane just above the
parent; the renderers only draw those three pieces.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mergecamp.graph.history import History


@dataclass(frozen=True)
class Label:
    text: str
    kind: str  # "branch" | "tag" | "remote" | "head" | "merge-head"
    current: bool = False  # the branch HEAD is on


@dataclass(frozen=True)
class Node:
    sha: str
    row: int
    lane: int
    subject: str
    author: str
    parents: tuple[str, ...]
    labels: tuple[Label, ...]
    is_head: bool
    is_new: bool  # made by the learner: not in the exercise's start state

    @property
    def short(self) -> str:
        return self.sha[:7]

    @property
    def is_merge(self) -> bool:
        return len(self.parents) > 1


@dataclass(frozen=True)
class Edge:
    child: str
    parent: str
    child_row: int
    child_lane: int
    via_lane: int
    parent_row: int  # == number of rows when the parent is beyond the drawn history
    parent_lane: int
    merge: bool  # to a second or later parent


@dataclass
class Layout:
    nodes: list[Node]
    edges: list[Edge]
    lanes: int
    head_sha: str | None
    head_branch: str | None
    operation: str | None
    new_shas: frozenset[str] = field(default_factory=frozenset)

    @property
    def rows(self) -> int:
        return len(self.nodes)


def layout(history: History, start_shas: frozenset[str] | set[str] | None = None) -> Layout:
    """Place every commit of ``history``; ``start_shas`` marks the rest as the learner's."""
    lanes: list[str | None] = []
    open_edges: dict[int, list[dict]] = {}
    edges: list[Edge] = []
    placed: list[tuple[int, int]] = []  # (row, lane) per commit
    labels = _labels(history)
    n_rows = len(history.commits)

    def close(spec: dict, parent_row: int, parent_lane: int) -> None:
        edges.append(Edge(**spec, parent_row=parent_row, parent_lane=parent_lane))

    for row, commit in enumerate(history.commits):
        hits = [i for i, sha in enumerate(lanes) if sha == commit.sha]
        lane = hits[0] if hits else _free(lanes, 0)
        for i in hits:
            for spec in open_edges.pop(i, []):
                close(spec, row, lane)
            lanes[i] = None
        for k, parent in enumerate(commit.parents):
            if k == 0:
                via = lane
                lanes[via] = parent
            else:
                waiting = [i for i, sha in enumerate(lanes) if sha == parent]
                via = waiting[0] if waiting else _free(lanes, lane + 1)
                lanes[via] = parent
            open_edges.setdefault(via, []).append(
                dict(
                    child=commit.sha,
                    parent=parent,
                    child_row=row,
                    child_lane=lane,
                    via_lane=via,
                    merge=k > 0,
                )
            )
        placed.append((row, lane))
        while lanes and lanes[-1] is None:
            lanes.pop()
    for via, specs in open_edges.items():
        for spec in specs:
            close(spec, n_rows, via)

    new = (
        frozenset()
        if start_shas is None
        else frozenset(c.sha for c in history.commits if c.sha not in start_shas)
    )
    nodes = [
        Node(
            sha=c.sha,
            row=row,
            lane=lane,
            subject=c.subject,
            author=c.author,
            parents=c.parents,
            labels=tuple(labels.get(c.sha, ())),
            is_head=c.sha == history.head_sha,
            is_new=c.sha in new,
        )
        for c, (row, lane) in zip(history.commits, placed, strict=True)
    ]
    width = max([n.lane + 1 for n in nodes] + [e.via_lane + 1 for e in edges] + [0])
    edges.sort(key=lambda e: (e.child_row, e.merge, e.via_lane))
    return Layout(
        nodes, edges, width, history.head_sha, history.head_branch, history.operation, new
    )


def _free(lanes: list[str | None], start: int) -> int:
    """The first empty lane at or after ``start`` (appending one if none is empty)."""
    for i in range(start, len(lanes)):
        if lanes[i] is None:
            return i
    if start > len(lanes):
        lanes.extend([None] * (start - len(lanes)))
    lanes.append(None)
    return len(lanes) - 1


def _labels(history: History) -> dict[str, list[Label]]:
    """Labels per commit: HEAD first, then branches, remotes, tags, each sorted."""
    out: dict[str, list[Label]] = {}
    if history.head_sha and history.head_branch is None:
        out.setdefault(history.head_sha, []).append(Label("HEAD", "head", current=True))
    order = {"branch": 0, "remote": 1, "tag": 2}
    for ref in sorted(history.refs, key=lambda r: (order[r.kind], r.name)):
        current = ref.kind == "branch" and ref.name == history.head_branch
        out.setdefault(ref.sha, []).append(Label(ref.name, ref.kind, current))
    for name, sha in history.extra_heads.items():
        out.setdefault(sha, []).append(Label(name, "merge-head"))
    for items in out.values():
        items.sort(key=lambda lb: not lb.current)
    return out
