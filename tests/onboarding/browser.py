"""Headless Chromium for the browser tests: dump the DOM after scripts ran, take a
screenshot. Each run gets a fresh profile folder; nothing reaches the network."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _run(args: list[str], timeout: float = 90) -> subprocess.CompletedProcess[str]:
    browser = find_chromium()
    assert browser is not None
    with tempfile.TemporaryDirectory(prefix="mergecamp-chromium-") as profile:
        return subprocess.run(
            [browser, *FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )


def dump_dom(page: Path) -> str:
    """The page's DOM after its scripts ran, as HTML."""
    result = _run(["--virtual-time-budget=3000", "--dump-dom", page.resolve().as_uri()])
    assert result.returncode == 0 and "<html" in result.stdout, result.stderr[-2000:]
    return result.stdout


def screenshot(page: Path, name: str, size: str = "1400,900") -> Path:
    """A PNG of the page in ``test-artifacts/`` (kept after the test for a human to see)."""
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / name
    target.unlink(missing_ok=True)
    _run([f"--screenshot={target}", f"--window-size={size}", page.resolve().as_uri()])
    assert target.is_file() and target.stat().st_size > 1000, "no screenshot was written"
    print(f"screenshot: {target}")
    return target
