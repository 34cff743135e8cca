"""The team's fast test suite, run the way the project's own CI runs it.

Where a step says "the model works" (and in the pull-request review's CI), mergecamp
runs what the generated project's CI workflow and CONTRIBUTING name, ``pytest -m "not
slow"``, not one chosen file: a merge that breaks the data module must fail as surely
as one that breaks the network. Before the tests, the model is built from the config,
so an unknown option value, or an option the network does not take, is named even
in a project without tests (``build_model``: the model is built as LightningCLI builds
it, the network injected through ``model.init_args.net``).

The verdict depends only on the tree and the Python that runs it, so it is cached per
(tree hash, interpreter) in a folder the caller owns: checking the same tree again is
instant. While the suite runs, a live line on stderr counts the tests (only on a
terminal; hooks and pipes stay quiet).
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

# What the project's CI runs (template: .github/workflows, CONTRIBUTING).
FAST_SUITE = ("-m", "not slow")
COMMAND = 'python -m pytest -m "not slow"'
_OUTPUT_TAIL = 1500

# Builds the model from the config, then runs the suite (mergecamp/build_model.py).
_RUNNER = Path(__file__).with_name("build_model.py")


@dataclass(frozen=True)
class SuiteResult:
    """One run of the fast suite: the verdict, pytest's count line, and on failure the
    failing tests' summary lines and the end of the output."""

    passed: bool
    counts: str
    failures: tuple[str, ...]
    output: str

    def detail(self) -> str:
        """One line for a checklist: the failing tests first, else the count."""
        if self.failures:
            return " / ".join(self.failures[:2])
        if self.counts:
            return self.counts
        tail = self.output.strip().splitlines()
        return tail[-1] if tail else ""

    def to_json(self) -> dict:
        data = asdict(self)
        data["failures"] = list(self.failures)
        return data

    @classmethod
    def from_json(cls, data: dict) -> SuiteResult:
        return cls(
            passed=data["passed"] is True,
            counts=str(data.get("counts", "")),
            failures=tuple(str(f) for f in data.get("failures", ())),
            output=str(data.get("output", "")),
        )


Progress = Callable[[int, int], None]  # (tests passed so far, tests failed so far)


def run_suite(
    project: Path,
    config: str = "configs/default.yaml",
    *,
    env: dict[str, str] | None = None,
    timeout: float = 600,
    progress: Progress | None = None,
) -> SuiteResult:
    """Build the model from ``config``, then run the fast suite in ``project``, in one
    fresh Python so torch is imported once."""
    run_env = dict(env if env is not None else os.environ)
    run_env["PYTHONDONTWRITEBYTECODE"] = "1"
    run_env["PYTHONUNBUFFERED"] = "1"  # so the progress dots arrive as they happen
    run_env["PYTHONPATH"] = str(project / "src") + os.pathsep + run_env.get("PYTHONPATH", "")
    for name in ("PYTEST_ADDOPTS", "PYTEST_XDIST_WORKER", "PYTEST_CURRENT_TEST"):
        run_env.pop(name, None)
    run_env["JSONARGPARSE_DEPRECATION_WARNINGS"] = "off"
    # Its text through -c, not its path: the project's folder, not mergecamp's, is first
    # on sys.path, as when the team runs its tests.
    code = _RUNNER.read_text(encoding="utf-8")
    run_tests = "1" if (project / "tests").is_dir() else "0"
    try:
        proc = subprocess.Popen(
            [sys.executable, "-c", code, config, run_tests, *FAST_SUITE],
            cwd=project,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env=run_env,
        )
    except OSError as exc:
        return SuiteResult(False, "", (str(exc),), str(exc))
    try:
        output = _read_with_progress(proc, progress, timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        return SuiteResult(False, "", (f"timed out after {int(timeout)} s",), "")
    return _result(proc.returncode == 0, output)


def _read_with_progress(proc: subprocess.Popen, progress: Progress | None, timeout: float) -> str:
    """Read the child's output as it comes, counting pytest's progress characters (a
    line made only of ``.sxXFE`` so far is a progress line)."""
    import threading

    timed_out = threading.Event()

    def kill() -> None:
        timed_out.set()
        proc.kill()

    timer = threading.Timer(timeout, kill)
    timer.start()
    chunks: list[bytes] = []
    line = bytearray()
    passed = failed = 0
    try:
        assert proc.stdout is not None
        while byte := proc.stdout.read(1):
            chunks.append(byte)
            if byte == b"\n":
                line.clear()
                continue
            line += byte
            if not all(c in _PROGRESS_CHARS for c in line):
                continue
            if byte in b"FE":
                failed += 1
            else:
                passed += 1
            if progress is not None:
                progress(passed, failed)
        proc.wait()
    finally:
        timer.cancel()
    if timed_out.is_set():
        raise subprocess.TimeoutExpired(proc.args, timeout)
    return b"".join(chunks).decode("utf-8", errors="replace")


_PROGRESS_CHARS = frozenset(b".sxXFE")


def _result(passed: bool, output: str) -> SuiteResult:
    lines = output.strip().splitlines()
    failures = tuple(line.strip() for line in lines if line.startswith(("FAILED ", "ERROR ")))
    if not passed and not failures:
        # The model did not build: the exception's own line says why.
        failures = tuple(line.strip() for line in lines[-1:] if line.strip())
    counts = next(
        (line.strip(" =") for line in reversed(lines) if " passed" in line or " failed" in line),
        "",
    )
    return SuiteResult(passed, counts, failures, output[-_OUTPUT_TAIL:])


# --- the cache -------------------------------------------------------------------


def cache_key(tree: str, config: str = "configs/default.yaml") -> str:
    """Same tree, same config path, same interpreter: same verdict."""
    digest = hashlib.sha256(f"{tree}\0{config}\0{sys.executable}".encode())
    return digest.hexdigest()[:24]


def cached(cache_dir: Path, key: str) -> SuiteResult | None:
    try:
        data = json.loads((cache_dir / f"{key}.json").read_text(encoding="utf-8"))
        return SuiteResult.from_json(data)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def store(cache_dir: Path, key: str, result: SuiteResult) -> None:
    """Written aside and renamed in, so a reader never sees half a verdict."""
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".suite-", dir=cache_dir)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(result.to_json(), fh)
        os.replace(tmp, cache_dir / f"{key}.json")
    except OSError:
        pass  # a cache that cannot be written only costs time


def run_shown(
    project: Path, config: str = "configs/default.yaml", *, env: dict[str, str] | None = None
) -> SuiteResult:
    """``run_suite`` with a live count on stderr when stderr is a terminal (hooks and
    pipes stay quiet), cleared when the suite ends."""
    if not sys.stderr.isatty():
        return run_suite(project, config, env=env)

    def show(passed: int, failed: int) -> None:
        mark = f" ✘ {failed}" if failed else ""
        sys.stderr.write(f"\r  {COMMAND}: ✔ {passed}{mark} ")
        sys.stderr.flush()

    try:
        return run_suite(project, config, env=env, progress=show)
    finally:
        sys.stderr.write("\r\x1b[K")
        sys.stderr.flush()
