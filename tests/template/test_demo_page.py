"""The generated project's browser demo (`python -m <package> demo --ckpt_path …`): train
a default bake briefly, serve its Gradio page, and use it in headless Chromium: type a
sequence, press the button, read the model's answer. Nothing may leave 127.0.0.1."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from template_baking import bake

from tests.onboarding.browser import ARTIFACTS, find_chromium
from tests.watch.cdp import Browser

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(find_chromium() is None, reason="headless Chromium is not installed"),
]
PACKAGE = "sequence_lab"
TINY = [
    "--trainer.max_epochs", "1", "--trainer.limit_train_batches", "3",
    "--trainer.limit_val_batches", "1", "--trainer.enable_progress_bar", "false",
    "--trainer.enable_model_summary", "false",
]  # fmt: skip


class RecordingBrowser(Browser):
    """Chromium that also notes every URL the page requests."""

    def __init__(self) -> None:
        super().__init__()
        self.requested: list[str] = []

    def _receive(self) -> dict:
        message = super()._receive()
        if message.get("method") == "Network.requestWillBeSent":
            self.requested.append(message["params"]["request"]["url"])
        return message

    def open(self, url: str) -> None:
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)
        attach = {"targetId": target["targetId"], "flatten": True}
        self.session = self.send("Target.attachToTarget", attach, session=False)["sessionId"]
        self.send("Network.enable")  # before the navigation, so no request is missed
        self.send("Page.enable")
        self.send("Page.navigate", {"url": url})


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def project_env(project: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    return {**env, "PYTHONPATH": str(project / "src"), "OMP_NUM_THREADS": "1"}


def demo(project: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", PACKAGE, "demo", *args],
        cwd=cwd, env=project_env(project), capture_output=True, text=True, timeout=120,
    )  # fmt: skip


@pytest.fixture(scope="module")
def trained(tmp_path_factory) -> tuple[Path, Path]:
    """A default (adding) bake and the last.ckpt of a few training steps."""
    project = bake(tmp_path_factory.mktemp("demo"))
    done = subprocess.run(
        [sys.executable, "-m", PACKAGE, "fit", "--config", "configs/default.yaml", *TINY],
        cwd=project, env=project_env(project), capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    (checkpoint,) = project.glob("logs/default/version_*/checkpoints/last.ckpt")
    return project, checkpoint


def test_a_wrong_checkpoint_path_is_one_sentence(trained, tmp_path):
    project, _ = trained
    done = demo(project, "--ckpt_path", "logs/nothing.ckpt", cwd=tmp_path)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "--ckpt_path logs/nothing.ckpt: no such file" in done.stderr


def test_the_page_answers_a_typed_sequence_in_the_browser(trained):
    project, checkpoint = trained
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", PACKAGE, "demo", "--ckpt_path", str(checkpoint),
         "--port", str(port)],
        cwd=project, env=project_env(project), stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}/"
    browser = None
    try:
        started = time.monotonic()
        while True:
            assert server.poll() is None, server.stdout.read()[-3000:]
            try:
                urllib.request.urlopen(url, timeout=2).close()
                break
            except OSError:
                assert time.monotonic() - started < 90, "the demo did not start in 90 s"
                time.sleep(0.3)
        served = time.monotonic() - started
        browser = RecordingBrowser()
        browser.open(url)
        _, loaded = browser.wait_for(
            "!!document.querySelector('#submit button, button#submit')", 30
        )
        browser.eval(
            """(() => {
              const set = (id, value) => {
                const field = document.querySelector(`#${id} textarea, #${id} input`);
                field.value = value;
                field.dispatchEvent(new Event('input', {bubbles: true}));
              };
              set('values', '0.5, -0.25, 0.3, 0.1, -0.9, 0.2');
              set('marked', '0, 2');
            })()"""
        )
        time.sleep(0.3)  # let Svelte take the typed values before the click
        browser.eval("document.querySelector('#submit button, button#submit').click()")
        truth, answered = browser.wait_for(
            "document.querySelector('#truth textarea').value", timeout=30
        )
        answer = browser.eval("document.querySelector('#answer textarea').value")
        browser.screenshot(ARTIFACTS / "demo-adding.png")
    finally:
        if browser is not None:
            browser.close()
        server.terminate()
        server.wait(timeout=20)
    assert truth == "0.800"  # 0.5 + 0.3, the two marked values
    assert -3 < float(answer) < 3  # the model's own number
    outside = [u for u in browser.requested if not u.startswith((url, "data:", "blob:"))]
    assert not outside, f"the page reached outside 127.0.0.1: {outside}"
    print(
        f"demo: served after {served:.1f} s, page ready {loaded:.1f} s, "
        f"first answer {answered:.2f} s after the click"
    )
