"""What the exercise repos' progress hooks add to a learner's git command.

After each commit, checkout/switch, merge and rebase, an exercise repo's post-* hook runs
``mergecamp check --from-hook`` and prints one progress line. The budget is 100 ms per git
command. Measured here in one run, alternating, on the same repository: the same git
command with the hooks on, and with them off (``MERGECAMP_NO_HOOK=1``). The difference
of the medians is the hooks' cost; the table also gives the ratio.

Commands: ``git switch`` between two branches (post-checkout) and ``git commit
--allow-empty`` (post-commit), in a first-track exercise and a team exercise (whose
check also reads the bare origin).

Run: python bench/bench_hook_overhead.py [--runs 20]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CASES = [  # (exercise, the two branches to switch between)
    ("experiment-branch", ("main", "scratch")),
    ("merge-conflict", ("exp/swish", "main")),
    ("diverged-history", ("main", "scratch")),
]
BUDGET_MS = 100.0


def _git(repo: Path, env: dict[str, str], *args: str) -> float:
    t0 = time.perf_counter()
    proc = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"git {' '.join(args)} failed in {repo}: {proc.stderr.strip()}")
    return time.perf_counter() - t0


def _env(hooks_on: bool, pycache: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("MERGECAMP_NO_HOOK", None)
    if not hooks_on:
        env["MERGECAMP_NO_HOOK"] = "1"
    env["PYTHONPYCACHEPREFIX"] = pycache  # as after pip install: bytecode compiled once
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def measure(repo: Path, branches: tuple[str, str], runs: int, pycache: str) -> dict[str, float]:
    """Median seconds per command, hooks on and off, alternating on/off each run."""
    on, off = _env(True, pycache), _env(False, pycache)
    times: dict[str, list[float]] = {
        k: [] for k in ("switch-on", "switch-off", "commit-on", "commit-off")
    }
    subprocess.run(["git", "branch", "-f", branches[1]], cwd=repo, env=off, capture_output=True)
    _git(repo, on, "switch", "-q", branches[1])  # warm caches, untimed
    _git(repo, on, "switch", "-q", branches[0])
    for i in range(runs):
        for label, env in (("on", on), ("off", off)) if i % 2 == 0 else (("off", off), ("on", on)):
            times[f"switch-{label}"].append(_git(repo, env, "switch", "-q", branches[1]))
            _git(repo, off, "switch", "-q", branches[0])
            times[f"commit-{label}"].append(
                _git(repo, env, "commit", "-q", "--allow-empty", "-m", "chore: bench")
            )
            _git(repo, off, "reset", "-q", "--hard", "HEAD~1")
    return {k: statistics.median(v) for k, v in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-hooks-") as tmp:
        workspace = Path(tmp) / "ws"
        pycache = str(Path(tmp) / "pycache")
        rows = []
        for exercise, branches in CASES:
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "mergecamp",
                    "--workspace",
                    str(workspace),
                    "start",
                    exercise,
                ],
                env=_env(False, pycache),
                capture_output=True,
                check=True,
            )
            med = measure(workspace / exercise, branches, args.runs, pycache)
            for command in ("switch", "commit"):
                hooks_on, hooks_off = med[f"{command}-on"], med[f"{command}-off"]
                rows.append((exercise, f"git {command}", hooks_off, hooks_on))
    print(f"Progress-hook overhead, median of {args.runs} alternating runs")
    print(f"(budget: {BUDGET_MS:.0f} ms added per git command)")
    header = ("exercise", "command", "hooks off", "hooks on", "added", "ratio")
    print(
        f"{header[0]:<20} {header[1]:<11} {header[2]:>10} {header[3]:>10} {header[4]:>9} "
        f"{header[5]:>6}"
    )
    for exercise, command, off, on in rows:
        added = (on - off) * 1000
        flag = "" if added <= BUDGET_MS else "  over budget"
        print(
            f"{exercise:<20} {command:<11} {off * 1000:>8.1f}ms {on * 1000:>8.1f}ms "
            f"{added:>7.1f}ms {on / off:>5.1f}x{flag}"
        )


if __name__ == "__main__":
    main()
