"""The live page in a real browser: after `git switch -c` and `git commit` in the
exercise, the new label, the new commit and the moved branch label are in the page's
DOM within 2 s, without a reload, and the checklist's ✔ count goes up. The screenshot
is kept in test-artifacts/; `MERGECAMP_UPDATE_SCREENSHOTS=1` also copies it to docs/ for
the README."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from mergecamp import engine

from tests.onboarding.browser import ARTIFACTS, find_chromium

from .live import group_alive, interrupt, start_watch, stop

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(
        find_chromium() is None,
        reason="headless Chromium is not installed (.ci/run installs Debian's `chromium`)",
    ),
]
DOCS = Path(__file__).resolve().parents[2] / "docs"


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], check=True, capture_output=True, text=True
    ).stdout.strip()


MINE = "document.querySelector('section[data-graph=\"mine\"] svg')"
DONE = "Number(document.getElementById('progress').dataset.done || -1)"


def _label_sha(ref: str) -> str:
    return f"({MINE}.querySelector('g.label[data-ref=\"{ref}\"]') || {{dataset: {{}}}}).dataset.sha"


def test_page_follows_git_commands_live(workspace: Path) -> None:
    from .cdp import Browser

    scene = engine.start("experiment-branch", workspace)
    repo = scene.root
    proc, url = start_watch(repo)
    browser = Browser()
    try:
        browser.open(url)
        browser.wait_for(f"{MINE} && {MINE}.querySelectorAll('g.commit').length > 0", 15)
        first = browser.eval("document.body.dataset.version")
        done_before = browser.eval(DONE)
        assert browser.eval(f"{MINE}.querySelector('g.head-marker').dataset.on") == "branch"

        _git(repo, "switch", "-q", "-c", "exp/gru")
        browser.wait_for(f"{_label_sha('exp/gru')} === '{_git(repo, 'rev-parse', 'HEAD')}'")
        browser.wait_for(f"{MINE}.querySelector('g.head-marker').dataset.branch === 'exp/gru'")
        browser.wait_for(f"{DONE} > {done_before}")  # the "create the branch" step passed
        done_after_branch = browser.eval(DONE)

        config = repo / "configs" / "default.yaml"
        config.write_text(config.read_text().replace("arch: lstm", "arch: gru", 1))
        _git(repo, "commit", "-q", "-am", "feat(model): try a GRU instead of the LSTM")
        new = _git(repo, "rev-parse", "HEAD")
        # The new commit is drawn, and the branch label moved onto it, within 2 s.
        browser.wait_for(f"{MINE}.querySelector('g.commit[data-sha=\"{new}\"]') !== null")
        browser.wait_for(f"{_label_sha('exp/gru')} === '{new}'")
        assert browser.eval(f"{MINE}.querySelector('g.commit[data-sha=\"{new}\"]').dataset.new")
        browser.wait_for(f"{DONE} > {done_after_branch}")
        assert browser.eval("document.body.dataset.version") != first  # no reload: same page
        assert browser.eval("document.getElementById('current').textContent")
        # Code in the texts is set as <code>, never shown as raw backticks.
        checklist = "document.getElementById('checklist')"
        assert browser.eval(f"{checklist}.querySelector('code') !== null")
        assert "`" not in browser.eval(f"{checklist}.textContent")

        # Clicking the commit tells its story: the config value it changed.
        browser.eval(
            f"{MINE}.querySelector('g.commit[data-sha=\"{new}\"]')"
            ".dispatchEvent(new MouseEvent('click', {bubbles: true}))"
        )
        browser.wait_for(f"document.getElementById('detail').dataset.sha === '{new}'")
        details = browser.eval("document.getElementById('detail').textContent")
        assert "arch lstm → gru" in details and "configs/default.yaml" in details

        # Detached HEAD: the marker sits on the commit itself.
        _git(repo, "checkout", "-q", "HEAD~1")
        browser.wait_for(f"{MINE}.querySelector('g.head-marker').dataset.on === 'commit'")
        _git(repo, "switch", "-q", "exp/gru")
        browser.wait_for(f"{MINE}.querySelector('g.head-marker').dataset.on === 'branch'")

        browser.wait_for("document.getAnimations().length === 0")  # labels in place
        shot = browser.screenshot(ARTIFACTS / "watch-live.png")
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        # README's picture: refreshed on request only, so a test run leaves the tree clean.
        if os.environ.get("MERGECAMP_UPDATE_SCREENSHOTS") or not (DOCS / "watch-live.png").exists():
            shutil.copyfile(shot, DOCS / "watch-live.png")
        print(f"screenshot: {shot}")
    finally:
        browser.close()
        stop(proc)
    assert proc.returncode == 0
    assert not group_alive(proc.pid)


def test_interrupt_stops_the_server_with_a_page_open(workspace: Path) -> None:
    from .cdp import Browser

    scene = engine.start("experiment-branch", workspace)
    proc, url = start_watch(scene.root)
    browser = Browser()
    try:
        browser.open(url)
        browser.wait_for("document.getElementById('connection').dataset.live === 'true'", 15)
        assert interrupt(proc) == 0  # the open event stream does not keep it alive
        assert not group_alive(proc.pid)
        browser.wait_for("document.getElementById('connection').dataset.live === 'false'", 5)
    finally:
        browser.close()
        stop(proc)
