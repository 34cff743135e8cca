"""The layout's promises on any history, not only the ones we thought of: every edge
drawn, children above parents, and no two lanes' edges running through each other."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from mergecamp.graph.history import Commit, History
from mergecamp.graph.layout import layout
from mergecamp.graph.text import draw_plain


@st.composite
def histories(draw: st.DrawFn) -> History:
    """Random DAGs: commit i's parents are older commits (some merges, some roots)."""
    n = draw(st.integers(1, 25))
    parents: list[tuple[str, ...]] = []
    for i in range(n):
        if i == 0 or draw(st.integers(0, 9)) == 0:
            parents.append(())
            continue
        k = draw(st.integers(1, min(3, i)))
        chosen = draw(st.lists(st.integers(0, i - 1), min_size=k, max_size=k, unique=True))
        parents.append(tuple(f"{p:040x}" for p in chosen))
    commits = [Commit(f"{i:040x}", parents[i], f"c{i}", "a", i) for i in range(n)]
    commits.reverse()  # newest first, so children come before parents
    return History(commits, [], commits[0].sha, None)


@settings(max_examples=150, deadline=None)
@given(histories())
def test_layout_invariants(history: History) -> None:
    lay = layout(history)
    assert {(e.child, e.parent) for e in lay.edges} == {
        (c.sha, p) for c in history.commits for p in c.parents
    }
    rows = {n.sha: n.row for n in lay.nodes}
    occupied: dict[tuple[int, int], str] = {}
    for e in lay.edges:
        assert rows[e.child] < rows[e.parent] == e.parent_row
        for row in range(e.child_row + 1, e.parent_row):
            assert occupied.setdefault((e.via_lane, row), e.parent) == e.parent
    for node in lay.nodes:
        assert (node.lane, node.row) not in occupied
        assert 0 <= node.lane < lay.lanes
    assert len(draw_plain(lay).splitlines()) >= len(lay.nodes)
