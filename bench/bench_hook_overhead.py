"""What the exercise repos' progress hooks add to a learner's git command.

After each commit, checkout/switch, merge and rebase, an exercise repo's post-* hook runs
``python -m mergecamp.hook_line`` and prints one progress line. The budget is 100 ms per
git command. Measured here in one run, taking turns, on the same repository: the same git
command with the hooks on, and with them off (``MERGECAMP_NO_HOOK=1``). The difference
of the medians is the hooks' cost; the table also gives the ratio. With ``--baseline``,
the same exercises built and checked by another revision's code take their turns too
(a before/after in one run, on the same machine state).

Commands: ``git switch`` between two branches (post-checkout) and ``git commit
--allow-empty`` (post-commit), in a first-track exercise and a team exercise (whose
check also reads the bare origin).

Run: python bench/bench_hook_overhead.py [--runs 20] [--baseline <checkout of another revision>]
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


def _env(hooks_on: bool, pycache: str, pythonpath: str | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("MERGECAMP_NO_HOOK", None)
    if not hooks_on:
        env["MERGECAMP_NO_HOOK"] = "1"
    env["PYTHONPYCACHEPREFIX"] = pycache  # as after pip install: bytecode compiled once
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if pythonpath:  # another mergecamp revision's code first on the path
        env["PYTHONPATH"] = pythonpath
    return env


def measure(
    setups: dict[str, tuple[Path, dict[str, str]]], branches: tuple[str, str], runs: int
) -> dict[str, float]:
    """Median seconds per command for each (repository, environment), taking turns in a
    rotating order each run, so a slow moment of the machine hits every setup alike."""
    labels = list(setups)
    times: dict[str, list[float]] = {f"{c}-{k}": [] for c in ("switch", "commit") for k in labels}
    for repo, env in setups.values():
        quiet = {**env, "MERGECAMP_NO_HOOK": "1"}
        subprocess.run(
            ["git", "branch", "-f", branches[1]], cwd=repo, env=quiet, capture_output=True
        )
        _git(repo, env, "switch", "-q", branches[1])  # warm caches, untimed
        _git(repo, env, "switch", "-q", branches[0])
    for i in range(runs):
        for label in labels[i % len(labels) :] + labels[: i % len(labels)]:
            repo, env = setups[label]
            quiet = {**env, "MERGECAMP_NO_HOOK": "1"}
            times[f"switch-{label}"].append(_git(repo, env, "switch", "-q", branches[1]))
            _git(repo, quiet, "switch", "-q", branches[0])
            times[f"commit-{label}"].append(
                _git(repo, env, "commit", "-q", "--allow-empty", "-m", "chore: bench")
            )
            _git(repo, quiet, "reset", "-q", "--hard", "HEAD~1")
    return {k: statistics.median(v) for k, v in times.items()}


def _start(exercise: str, workspace: Path, env: dict[str, str]) -> Path:
    subprocess.run(
        [sys.executable, "-m", "mergecamp", "--workspace", str(workspace), "start", exercise],
        env={**env, "MERGECAMP_NO_HOOK": "1"},
        capture_output=True,
        check=True,
    )
    return workspace / exercise


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument(
        "--baseline",
        type=Path,
        help="a checkout of another mergecamp revision (e.g. `git worktree add /tmp/base "
        "<rev>`): its exercises and hooks are measured in the same run",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-hooks-") as tmp:
        pycache = str(Path(tmp) / "pycache")
        base_path = None
        if args.baseline is not None:
            base = args.baseline.resolve()
            base_path = f"{base / 'sandbox'}{os.pathsep}{base / 'hooks'}"
        rows = []
        for exercise, branches in CASES:
            on = _env(True, pycache)
            setups = {
                "on": (_start(exercise, Path(tmp) / "ws", on), on),
                "off": (Path(tmp) / "ws" / exercise, _env(False, pycache)),
            }
            if base_path is not None:
                base_env = _env(True, pycache + "-base", base_path)
                setups["base"] = (_start(exercise, Path(tmp) / "ws-base", base_env), base_env)
            med = measure(setups, branches, args.runs)
            for command in ("switch", "commit"):
                base_on = med.get(f"{command}-base")
                rows.append(
                    (
                        exercise,
                        f"git {command}",
                        med[f"{command}-off"],
                        med[f"{command}-on"],
                        base_on,
                    )
                )
    print(f"Progress-hook overhead, median of {args.runs} runs taking turns")
    print(f"(budget: {BUDGET_MS:.0f} ms added per git command)")
    header = ("exercise", "command", "hooks off", "hooks on", "added", "ratio", "baseline added")
    print(
        f"{header[0]:<20} {header[1]:<11} {header[2]:>10} {header[3]:>10} {header[4]:>9} "
        f"{header[5]:>6}  {header[6] if base_path else ''}"
    )
    for exercise, command, off, on, base_on in rows:
        added = (on - off) * 1000
        flag = "" if added <= BUDGET_MS else "  over budget"
        base = f"  {(base_on - off) * 1000:>7.1f}ms" if base_on is not None else ""
        print(
            f"{exercise:<20} {command:<11} {off * 1000:>8.1f}ms {on * 1000:>8.1f}ms "
            f"{added:>7.1f}ms {on / off:>5.1f}x{base}{flag}"
        )


if __name__ == "__main__":
    main()
