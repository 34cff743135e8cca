"""HEAD as the lecture draws it, in the terminal and in SVG: a marker pointing at a
branch after `checkout <branch>`, at a commit after `checkout <commit>`."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from mergecamp.graph.history import read_history
from mergecamp.graph.layout import layout
from mergecamp.graph.svg import render_svg
from mergecamp.graph.text import draw_plain
from mergecamp.watch.commit_info import commit_info


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], check=True, capture_output=True, text=True
    ).stdout.strip()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "config", "user.name", "T")
    _git(repo, "config", "user.email", "t@example.invalid")
    config = repo / "default.yaml"
    for size in (64, 128):
        config.write_text(f"model:\n  init_args:\n    hidden_size: {size}\n    arch: lstm\n")
        _git(repo, "add", "default.yaml")
        _git(repo, "commit", "-q", "-m", f"feat: hidden size {size}")
    return repo


def _markers(svg: str) -> list[str]:
    return re.findall(r'<g class="[^"]*head-marker[^"]*"[^>]*>', svg)


def test_head_on_a_branch_points_at_the_branch(repo: Path) -> None:
    lay = layout(read_history(repo))
    text = draw_plain(lay)
    assert "(HEAD -> main)" in text
    svg = render_svg(lay, title="t", graph_id="g")
    (marker,) = _markers(svg)
    head = _git(repo, "rev-parse", "HEAD")
    assert 'data-on="branch"' in marker and 'data-branch="main"' in marker
    assert f'data-sha="{head}"' in marker
    # The branch label itself reads "main"; HEAD is the marker beside it.
    assert re.search(r'data-ref="main"[^>]*data-current="true"', svg)


def test_head_on_a_commit_is_drawn_on_the_commit(repo: Path) -> None:
    _git(repo, "checkout", "-q", "HEAD~1")
    lay = layout(read_history(repo))
    text = draw_plain(lay)
    first = _git(repo, "rev-parse", "HEAD")
    line = next(ln for ln in text.splitlines() if first[:7] in ln)
    assert "(HEAD)" in line and "HEAD ->" not in text
    svg = render_svg(lay, title="t", graph_id="g")
    (marker,) = _markers(svg)
    assert 'data-on="commit"' in marker and f'data-sha="{first}"' in marker
    assert 'data-branch="' not in marker


def test_commit_details_name_the_config_values_that_changed(repo: Path) -> None:
    info = commit_info(repo, _git(repo, "rev-parse", "--short", "HEAD"))
    assert info is not None and info["message"] == "feat: hidden size 128"
    assert info["files"] == [{"path": "default.yaml", "added": "1", "removed": "1"}]
    assert [(c["name"], c["before"], c["after"]) for c in info["configs"]] == [
        ("hidden_size", "64", "128")
    ]
    root = commit_info(repo, _git(repo, "rev-parse", "HEAD~1"))
    assert root is not None and {c["name"] for c in root["configs"]} == {"hidden_size", "arch"}
    assert commit_info(repo, "--all") is None and commit_info(repo, "deadbeef") is None


_NETWORK = """model:
  class_path: sequence_lab.module.RegressionModule
  init_args:
    net:
      class_path: sequence_lab.models.{cls}
      init_args:
        hidden_size: {size}
    lr: 0.003
"""


def test_config_changes_are_keyed_as_the_command_line_writes_them(repo: Path) -> None:
    """The network's options sit under model.init_args.net.init_args; the page shows
    `model.net.hidden_size` (as `--model.net.hidden_size` takes it), not the init_args."""
    config = repo / "default.yaml"
    for cls, size in (("RecurrentNet", 64), ("RecurrentNet", 128), ("TransformerNet", 128)):
        config.write_text(_NETWORK.format(cls=cls, size=size))
        _git(repo, "commit", "-q", "-am", f"feat: {cls} {size}")

    wider = commit_info(repo, _git(repo, "rev-parse", "HEAD~1"))
    assert wider is not None
    assert [(c["key"], c["name"], c["before"], c["after"]) for c in wider["configs"]] == [
        ("model.net.hidden_size", "hidden_size", "64", "128")
    ]
    switched = commit_info(repo, _git(repo, "rev-parse", "HEAD"))
    assert switched is not None
    assert [(c["key"], c["name"], c["after"]) for c in switched["configs"]] == [
        ("model.net.class_path", "net.class_path", "sequence_lab.models.TransformerNet")
    ]
