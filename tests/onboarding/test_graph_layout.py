"""The graph layout against real repositories: every commit, edge and label that git
knows is drawn, lanes never collide, and odd states (detached, mid-merge, empty) work."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from mergecamp.graph.history import read_history
from mergecamp.graph.layout import Layout, layout
from mergecamp.graph.text import draw_plain

from .conftest import git


def _git_truth(repo: Path) -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    """commit → parents for everything reachable from refs and HEAD; ref → commit."""
    out = git(repo, "log", "--all", "--format=%H %P")
    commits = {line.split()[0]: tuple(line.split()[1:]) for line in out.splitlines()}
    refs = {}
    for line in git(
        repo, "for-each-ref", "--format=%(refname:short) %(objectname)", "refs/heads", "refs/tags"
    ).splitlines():
        name, _ = line.split()
        refs[name] = git(repo, "rev-parse", f"{name}^{{commit}}").strip()
    return commits, refs


def _assert_no_lane_collisions(lay: Layout) -> None:
    """No two edges to different parents run down the same lane past the same row."""
    occupied: dict[tuple[int, int], str] = {}
    for e in lay.edges:
        for row in range(e.child_row + 1, e.parent_row):
            key = (e.via_lane, row)
            assert occupied.setdefault(key, e.parent) == e.parent, f"lane clash at {key}"
    for node in lay.nodes:
        assert (node.lane, node.row) not in occupied, f"an edge runs through {node.short}"


def test_layout_matches_git(branchy_repo: Path) -> None:
    commits, refs = _git_truth(branchy_repo)
    lay = layout(read_history(branchy_repo))
    assert {n.sha: n.parents for n in lay.nodes} == commits
    edges = {(e.child, e.parent) for e in lay.edges}
    assert edges == {(c, p) for c, ps in commits.items() for p in ps}
    merge_edges = {(e.child, e.parent) for e in lay.edges if e.merge}
    assert merge_edges == {(c, ps[1]) for c, ps in commits.items() if len(ps) > 1}
    assert len(merge_edges) == 2
    rows = {n.sha: n.row for n in lay.nodes}
    assert all(rows[c] < rows[p] for c, p in edges), "a child is drawn below its parent"
    drawn = {lb.text: n.sha for n in lay.nodes for lb in n.labels if lb.kind in ("branch", "tag")}
    assert drawn == refs  # the annotated tag v2 points at its commit, not the tag object
    head = git(branchy_repo, "rev-parse", "HEAD").strip()
    assert lay.head_sha == head and lay.head_branch is None
    head_labels = [lb for n in lay.nodes for lb in n.labels if lb.kind == "head"]
    assert len(head_labels) == 1 and next(n for n in lay.nodes if n.is_head).sha == head
    assert lay.lanes >= 2
    _assert_no_lane_collisions(lay)


def test_text_drawing_names_every_commit_and_label(branchy_repo: Path) -> None:
    commits, refs = _git_truth(branchy_repo)
    text = draw_plain(layout(read_history(branchy_repo)))
    lines = [line for line in text.splitlines() if "●" in line]
    assert len(lines) == len(commits)
    for sha in commits:
        assert sum(sha[:7] in line for line in lines) == 1
    for name in refs:
        assert name in text
    assert "HEAD," in text or "(HEAD)" in text
    assert "╮" in text or "╭" in text  # a merge opens a lane
    ascii_text = draw_plain(layout(read_history(branchy_repo)), ascii_only=True)
    assert ascii_text.isascii()  # subjects here are ASCII too


def test_new_commits_are_those_outside_the_start_state(branchy_repo: Path) -> None:
    start = set(git(branchy_repo, "rev-list", "main~1").split())
    lay = layout(read_history(branchy_repo), frozenset(start))
    expected = set(git(branchy_repo, "rev-list", "--all").split()) - start
    assert {n.sha for n in lay.nodes if n.is_new} == expected == set(lay.new_shas)


def test_mid_merge_and_current_branch(branchy_repo: Path, home: Path) -> None:
    repo = branchy_repo
    git(repo, "switch", "-q", "main")
    git(repo, "switch", "-q", "-c", "clash")
    (repo / "one").write_text("mine\n")
    git(repo, "commit", "-qam", "mine")
    git(repo, "switch", "-q", "main")
    (repo / "one").write_text("theirs\n")
    git(repo, "commit", "-qam", "theirs")
    merge = subprocess.run(["git", "-C", str(repo), "merge", "clash"], capture_output=True)
    assert merge.returncode != 0  # a conflict: the merge stops half way
    hist = read_history(repo)
    assert hist.operation == "merge" and "MERGE_HEAD" in hist.extra_heads
    lay = layout(hist)
    labels = {lb.text: lb for n in lay.nodes for lb in n.labels}
    assert labels["main"].current and labels["MERGE_HEAD"].kind == "merge-head"
    out = subprocess.run(
        [sys.executable, "-m", "mergecamp", "graph", "--no-goal"],
        cwd=repo,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr
    assert "merge is in progress" in out.stdout and "HEAD -> main" in out.stdout
    assert "MERGE_HEAD" in out.stdout


def test_empty_repository_and_not_a_repository(tmp_path: Path, home: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    git(empty, "init", "-q")
    lay = layout(read_history(empty))
    assert lay.nodes == [] and lay.edges == [] and lay.head_sha is None
    out = subprocess.run(
        [sys.executable, "-m", "mergecamp", "graph"], cwd=empty, capture_output=True, text=True
    )
    assert out.returncode == 0 and "No commits yet" in out.stdout
    plain = tmp_path / "plain"
    plain.mkdir()
    out = subprocess.run(
        [sys.executable, "-m", "mergecamp", "graph"], cwd=plain, capture_output=True, text=True
    )
    assert out.returncode != 0 and "Traceback" not in out.stderr
    assert out.stderr.strip()
