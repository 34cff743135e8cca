"""The server as a learner meets it: one per exercise, a clear word when the port is
taken, nothing left running after Ctrl-C, localhost only, and `check` and the git hooks
never loading it."""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest
from mergecamp import engine

from .live import group_alive, interrupt, start_watch, stop


def _get(url: str, path: str, host: str | None = None) -> tuple[int, bytes]:
    where = urlparse(url)
    conn = http.client.HTTPConnection(where.hostname, where.port, timeout=10)
    conn.request("GET", path, headers={"Host": host} if host else {})
    reply = conn.getresponse()
    return reply.status, reply.read()


def _watch(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mergecamp", "--lang", "en", "watch", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_second_watch_names_the_first_and_ctrl_c_leaves_nothing(workspace: Path) -> None:
    scene = engine.start("experiment-branch", workspace)
    proc, url = start_watch(scene.root)
    try:
        status, body = _get(url, "/state.json")
        assert status == 200 and json.loads(body)["exercise"] == "experiment-branch"
        second = _watch(scene.root)
        assert second.returncode == 2
        assert url in second.stderr and "already shown live" in second.stderr
        assert "Traceback" not in second.stderr
        # A page keeps its event stream open; Ctrl-C still stops everything.
        stream = http.client.HTTPConnection(urlparse(url).hostname, urlparse(url).port)
        stream.request("GET", "/events")
        first = stream.getresponse().read(7)
        assert first.startswith(b"data: {")
        assert interrupt(proc) == 0
        assert not group_alive(proc.pid)
        assert "stopped" in proc.stdout.read()
        assert not list((workspace / ".mergecamp" / "watch").glob("*.json"))
    finally:
        stop(proc)


@pytest.mark.parametrize("owner", ["dead process", "live process, address gone"])
def test_a_stale_record_is_ignored(workspace: Path, owner: str) -> None:
    scene = engine.start("experiment-branch", workspace)
    if owner == "dead process":
        dead = subprocess.Popen([sys.executable, "-c", "pass"])
        dead.wait()
        pid = dead.pid
    else:
        pid = os.getpid()  # alive, but nothing listens at the recorded address
    records = workspace / ".mergecamp" / "watch"
    records.mkdir(parents=True)
    (records / "experiment-branch.json").write_text(
        json.dumps({"pid": pid, "url": "http://127.0.0.1:1/"})
    )
    proc, url = start_watch(scene.root)
    try:
        assert url != "http://127.0.0.1:1/"
        record = json.loads((records / "experiment-branch.json").read_text())
        assert record == {"pid": proc.pid, "url": url}
    finally:
        stop(proc)


def test_port_in_use_is_a_clear_error(workspace: Path) -> None:
    scene = engine.start("experiment-branch", workspace)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = _watch(scene.root, "--port", str(port))
    assert result.returncode != 0
    assert f"Port {port} on 127.0.0.1 is already in use" in result.stderr
    assert "Traceback" not in result.stderr
    assert not list((workspace / ".mergecamp" / "watch").glob("*.json"))


def test_outside_an_exercise_is_a_clear_error(tmp_path: Path) -> None:
    result = _watch(tmp_path)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "mergecamp start" in result.stderr or "exercise" in result.stderr


def test_local_only_no_network_and_commits_by_sha(workspace: Path) -> None:
    scene = engine.start("experiment-branch", workspace)
    proc, url = start_watch(scene.root)
    try:
        # Listens on the loopback address only.
        assert urlparse(url).hostname == "127.0.0.1"
        # A page served under another name (DNS rebinding) is refused.
        assert _get(url, "/state.json", host="attacker.example")[0] == 400
        status, body = _get(url, "/commit/0000000")
        assert status == 404 and "no commit 0000000" in json.loads(body)["error"]
        assert _get(url, "/commit/HEAD..main")[0] == 404
        assert _get(url, "/assets/..%2F..%2Fengine.py")[0] == 404
        # The page and its assets come from the server itself: no CDN, no network.
        for path in ("/", "/assets/app.js", "/assets/style.css"):
            status, body = _get(url, path)
            assert status == 200 and b"https://" not in body and b"http://" not in body, path
    finally:
        stop(proc)


def test_check_and_the_hooks_do_not_load_the_server(workspace: Path) -> None:
    scene = engine.start("experiment-branch", workspace)
    probe = (
        "import atexit, sys\n"
        "atexit.register(lambda: print(sorted(m for m in sys.modules "
        "if m.startswith(('mergecamp.watch', 'starlette', 'uvicorn'))), file=sys.stderr))\n"
        "{run}\n"
    )
    runs = {
        "check": "from mergecamp.cli import main\nmain(['check'])",
        "hook": "from mergecamp.hook_line import main\nmain()",
    }
    for name, run in runs.items():
        env = {**os.environ}
        env.pop("MERGECAMP_NO_HOOK", None)
        out = subprocess.run(
            [sys.executable, "-c", probe.format(run=run)],
            cwd=scene.root,
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        assert out.stderr.strip().splitlines()[-1] == "[]", (name, out.stderr)


def test_watcher_reports_a_commit_once_it_settled(workspace: Path) -> None:
    from mergecamp.watch.changes import Watcher

    scene = engine.start("experiment-branch", workspace)
    seen = threading.Event()
    watcher = Watcher(lambda: [scene.root / ".git"], seen.set)
    watcher.start()
    try:
        assert not seen.wait(0.3)
        subprocess.run(
            ["git", "commit", "-q", "--allow-empty", "-m", "chore: nothing"],
            cwd=scene.root,
            check=True,
        )
        assert seen.wait(5)
    finally:
        watcher.stop()
