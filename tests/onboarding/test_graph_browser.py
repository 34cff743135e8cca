"""The graph page in a real browser: headless Chromium draws it, and every commit and
label it drew (position and text) is checked against the repository."""

from __future__ import annotations

import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from .browser import dump_dom, find_chromium, screenshot
from .conftest import git

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        find_chromium() is None,
        reason="headless Chromium is not installed (.ci/run installs Debian's `chromium`)",
    ),
]

# Test-only instrumentation: after layout, write each drawn element's box into the DOM.
MEASURE = """
<script>
for (const el of document.querySelectorAll('g.commit, g.label')) {
  const r = el.getBoundingClientRect();
  el.setAttribute('data-box', [r.x, r.y, r.width, r.height].map(Math.round).join(','));
  const t = el.querySelector('text');
  if (t) el.setAttribute('data-drawn-text', t.textContent);
}
document.body.setAttribute('data-measured', 'yes');
</script>
"""


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.commits: list[dict[str, str]] = []
        self.labels: list[dict[str, str]] = []
        self.measured = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        classes = a.get("class", "").split()
        if tag == "g" and "commit" in classes:
            self.commits.append(a)
        elif tag == "g" and "label" in classes:
            self.labels.append(a)
        elif tag == "body" and a.get("data-measured") == "yes":
            self.measured = True


def _box(attrs: dict[str, str]) -> tuple[int, ...]:
    return tuple(int(v) for v in attrs["data-box"].split(","))


def test_browser_draws_every_commit_and_label(branchy_repo: Path, home: Path, tmp_path: Path):
    page = tmp_path / "graph.html"
    out = subprocess.run(
        [sys.executable, "-m", "mergecamp", "--lang", "en", "graph", "--html", str(page)],
        cwd=branchy_repo,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr
    instrumented = tmp_path / "graph-measured.html"
    instrumented.write_text(page.read_text().replace("</body>", MEASURE + "</body>"))

    dom = _Collect()
    dom.feed(dump_dom(instrumented))
    assert dom.measured, "the page's script did not run"

    parents = {
        line.split()[0]: line.split()[1:]
        for line in git(branchy_repo, "log", "--all", "--format=%H %P").splitlines()
    }
    drawn = {c["data-sha"]: c for c in dom.commits}
    assert set(drawn) == set(parents)
    for sha, attrs in drawn.items():
        assert attrs["data-parents"].split() == parents[sha]
        *_, w, h = _box(attrs)
        assert w > 0 and h > 0, f"{sha[:7]} has no size on screen"
    # Rows go down the page in the layout's order, one commit per row.
    by_row = sorted(drawn.values(), key=lambda a: int(a["data-row"]))
    ys = [_box(a)[1] + _box(a)[3] // 2 for a in by_row]
    assert ys == sorted(ys) and len(set(ys)) == len(ys)
    # Same lane, same column on screen (compare centres: HEAD's ring makes it larger).
    xs_by_lane: dict[str, set[int]] = {}
    for a in drawn.values():
        x, _, w, _ = _box(a)
        xs_by_lane.setdefault(a["data-lane"], set()).add(round(x + w / 2))
    assert all(max(xs) - min(xs) <= 2 for xs in xs_by_lane.values())
    assert len(xs_by_lane) >= 2

    refs = {}
    for line in git(
        branchy_repo, "for-each-ref", "--format=%(refname:short)", "refs/heads", "refs/tags"
    ).splitlines():
        refs[line] = git(branchy_repo, "rev-parse", f"{line}^{{commit}}").strip()
    shown = {lb["data-ref"]: lb for lb in dom.labels if lb["data-kind"] in ("branch", "tag")}
    assert {name: lb["data-sha"] for name, lb in shown.items()} == refs
    for name, lb in shown.items():
        assert name in lb["data-drawn-text"]
        assert _box(lb)[1] - 12 <= _box(drawn[lb["data-sha"]])[1] <= _box(lb)[1] + 12
    head = git(branchy_repo, "rev-parse", "HEAD").strip()
    head_labels = [lb for lb in dom.labels if lb["data-kind"] == "head"]
    assert [lb["data-sha"] for lb in head_labels] == [head]
    assert drawn[head]["data-head"] == "true"

    shot = screenshot(page, "graph-branchy.png")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
