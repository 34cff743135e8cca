"""A live headless Chromium for the browser tests, driven over the DevTools protocol on
a pipe (``--remote-debugging-pipe``: messages as JSON ended by NUL on fds 3 and 4), with
the standard library only. Unlike ``--dump-dom`` it keeps the page open, so a test can
change the repository and poll the page's DOM until the change shows."""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import subprocess
import tempfile
import time
from pathlib import Path

from tests.onboarding.browser import FLAGS, find_chromium


class Browser:
    def __init__(self, width: int = 1400, height: int = 900) -> None:
        browser = find_chromium()
        assert browser is not None
        self._profile = tempfile.TemporaryDirectory(prefix="mergecamp-cdp-")
        to_chrome = os.pipe()
        from_chrome = os.pipe()
        # High, close-on-exec copies, so the child's dup2 onto 3 and 4 never collides.
        high = [fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10) for fd in (*to_chrome, *from_chrome)]
        for fd in (*to_chrome, *from_chrome):
            os.close(fd)
        child_in, self._write, self._read, child_out = high

        def plumb() -> None:
            os.dup2(child_in, 3)
            os.dup2(child_out, 4)

        self.proc = subprocess.Popen(
            [
                browser,
                *FLAGS,
                f"--user-data-dir={self._profile.name}",
                f"--window-size={width},{height}",
                "--remote-debugging-pipe",
                "about:blank",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=False,
            preexec_fn=plumb,
        )
        os.close(child_in)
        os.close(child_out)
        self._next_id = 0
        self._buffer = b""
        self.session: str | None = None
        self.size = (width, height)

    def send(self, method: str, params: dict | None = None, *, session: bool = True) -> dict:
        self._next_id += 1
        message: dict = {"id": self._next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self._write, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._receive()
            if reply.get("id") == self._next_id:
                assert "error" not in reply, reply["error"]
                return reply.get("result", {})

    def _receive(self) -> dict:
        while b"\0" not in self._buffer:
            chunk = os.read(self._read, 1 << 16)
            assert chunk, "Chromium closed the DevTools pipe"
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def open(self, url: str) -> None:
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)
        attach = {"targetId": target["targetId"], "flatten": True}
        attached = self.send("Target.attachToTarget", attach, session=False)
        self.session = attached["sessionId"]
        width, height = self.size
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
        )
        self.send("Page.enable")
        self.send("Page.navigate", {"url": url})

    def eval(self, expression: str):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        assert "exceptionDetails" not in result, result["exceptionDetails"]
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 2.0, step: float = 0.02):
        """Poll ``expression`` until it is truthy; its value, and the seconds it took."""
        start = time.monotonic()
        guarded = f"(() => {{ try {{ return ({expression}); }} catch (e) {{ return false; }} }})()"
        while True:
            value = self.eval(guarded)
            took = time.monotonic() - start
            if value:
                return value, took
            assert took < timeout, f"not true within {timeout} s: {expression}"
            time.sleep(step)

    def screenshot(self, target: Path) -> Path:
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(base64.b64decode(data))
        return target

    def close(self) -> None:
        with contextlib.suppress(AssertionError, OSError):
            self.send("Browser.close", session=False)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._write)
        os.close(self._read)
        self._profile.cleanup()
