"""The live view's reaction time and memory: from a `git commit` in the exercise to the
state on the page's event stream, and the server's resident memory.

Run by hand: ``python bench/bench_watch.py [--runs 20]``.

An exercise (experiment-branch) is built in a throw-away workspace and served by
``mergecamp watch`` as a learner would start it; an SSE client reads ``/events`` and
each round times one ``git commit`` until the first state that shows it. In the same
run, ``mergecamp check --json`` after a commit is the baseline (what a learner would
type without the live view), and ``python -c pass`` the interpreter's start-up; the
memory baseline is the peak RSS of the short mergecamp commands (``start``, ``check``).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import resource
import selectors
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

EXERCISE = "experiment-branch"


def start_watch(repo: Path, env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "mergecamp", "watch"],
        cwd=repo,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and sel.select(timeout=1):
        line = proc.stdout.readline()
        if "http://" in line:
            return proc, line[line.index("http://") :].split()[0]
    proc.kill()
    raise SystemExit("mergecamp watch printed no URL")


class Stream:
    """An SSE client that keeps, for each state received, its arrival time and HEAD."""

    def __init__(self, url: str) -> None:
        where = urlparse(url)
        self.conn = http.client.HTTPConnection(where.hostname, where.port)
        self.conn.request("GET", "/events")
        self.reply = self.conn.getresponse()
        self.heads: list[tuple[float, str | None]] = []
        self.arrived = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        buffer = b""
        while chunk := self.reply.read1(1 << 16):
            buffer += chunk
            while b"\n\n" in buffer:
                event, buffer = buffer.split(b"\n\n", 1)
                if event.startswith(b"data: "):
                    state = json.loads(event[6:])
                    head = state["graphs"][0]["layout"]["head_sha"] if "graphs" in state else None
                    with self.arrived:
                        self.heads.append((time.perf_counter(), head))
                        self.arrived.notify_all()

    def wait_for(self, head: str, timeout: float = 10) -> float:
        with self.arrived:
            ok = self.arrived.wait_for(
                lambda: any(h == head for _t, h in self.heads), timeout=timeout
            )
            if not ok:
                raise SystemExit(f"no state with HEAD {head[:7]} within {timeout} s")
            return next(t for t, h in self.heads if h == head)


def commit(repo: Path, env: dict[str, str], n: int) -> str:
    (repo / "notes.txt").write_text(f"round {n}\n")
    subprocess.run(["git", "add", "notes.txt"], cwd=repo, env=env, check=True)
    subprocess.run(["git", "commit", "-q", "-m", f"docs: note {n}"], cwd=repo, env=env, check=True)
    return subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=repo, env=env, check=True, capture_output=True, text=True
    ).stdout.strip()


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mergecamp-bench-watch-") as tmp:
        ws = Path(tmp) / "ws"
        env = {
            **os.environ,
            "MERGECAMP_HOME": str(ws),
            "MERGECAMP_LANG": "en",
            "MERGECAMP_NO_HOOK": "1",  # the hooks' own line is timed by bench_hook_overhead
            "GIT_AUTHOR_NAME": "Bench",
            "GIT_AUTHOR_EMAIL": "bench@example.invalid",
            "GIT_COMMITTER_NAME": "Bench",
            "GIT_COMMITTER_EMAIL": "bench@example.invalid",
        }
        mc = [sys.executable, "-m", "mergecamp"]
        subprocess.run([*mc, "start", EXERCISE], env=env, check=True, capture_output=True)
        repo = ws / EXERCISE
        proc, url = start_watch(repo, env)
        try:
            stream = Stream(url)
            time.sleep(1.0)  # the first state and the goal graph
            live, check, start_up = [], [], []
            for n in range(args.runs + 1):
                began = time.perf_counter()
                head = commit(repo, env, 2 * n)
                arrived = stream.wait_for(head)
                if n:  # the first round only warms caches
                    live.append(arrived - began)
                began = time.perf_counter()
                commit(repo, env, 2 * n + 1)
                subprocess.run([*mc, "check", "--json"], cwd=repo, env=env, capture_output=True)
                if n:
                    check.append(time.perf_counter() - began)
                began = time.perf_counter()
                subprocess.run([sys.executable, "-c", "pass"], check=True)
                if n:
                    start_up.append(time.perf_counter() - began)
                stream.wait_for(commit_head(repo, env))
            server_rss = rss_mb(proc.pid)
            check_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        finally:
            os.killpg(proc.pid, signal.SIGINT)
            proc.wait(timeout=10)
    base = statistics.median(check)
    rows = [
        ("git commit → state on /events (watch)", statistics.median(live)),
        ("git commit + mergecamp check --json", base),
        ("python -c pass", statistics.median(start_up)),
    ]
    print(f"\nmergecamp watch, {args.runs} commits each (medians), {EXERCISE}\n")
    print(f"{'what':<42} {'ms':>8} {'× check':>8}")
    for name, seconds in rows:
        print(f"{name:<42} {seconds * 1000:8.0f} {seconds / base:8.2f}")
    print(f"\n{'memory':<42} {'MiB':>8} {'× check':>8}")
    print(f"{'watch server, resident':<42} {server_rss:8.0f} {server_rss / check_rss:8.2f}")
    print(f"{'mergecamp start / check, peak resident':<42} {check_rss:8.0f} {1:8.2f}")


def commit_head(repo: Path, env: dict[str, str]) -> str:
    return subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=repo, env=env, check=True, capture_output=True, text=True
    ).stdout.strip()


if __name__ == "__main__":
    main()
