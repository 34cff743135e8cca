"""How fast `mergecamp start` and `mergecamp check` feel to a learner, against git-gud.

Both tools run as subprocesses, the way a learner types them, in the same run on the
same machine: `mergecamp start <id>` vs `git gud load <skill> <level>`, and
`mergecamp check` vs `git gud test`. `start` is timed as a learner's first start of
the exercise (its folder removed, untimed, before each run; the render cache warm).
git-gud is installed into a throw-away venv in a temp folder (never a project
dependency); if it cannot be installed, the table says so.
Both tools run with Python's bytecode cache on (in a temp ``PYTHONPYCACHEPREFIX``, even
where the shell sets ``PYTHONDONTWRITEBYTECODE``), as after a learner's ``pip install``,
which compiles every module: otherwise mergecamp, an editable checkout here, would pay for
compiling its sources on every run while git-gud's pip-installed modules do not.
Also reported: a `start` with the built-exercise cache off (``MERGECAMP_NO_BUILD_CACHE``,
what the first start of an exercise after an upgrade costs).
Also measured: `mergecamp --help` start-up and its import time (`python -X importtime`).

Run: python bench/bench_sandbox.py [--repeat 7]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PAIRS = [  # (mergecamp exercise, git-gud skill level that teaches the same)
    ("stage-and-commit", ("basics", "1")),
    ("experiment-branch", ("basics", "2")),
    ("merge-conflict", ("basics", "3")),
]


def timed(cmd: list[str], cwd: Path, env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{cmd} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return elapsed


def median_of(repeat: int, cmd: list[str], cwd: Path, env: dict[str, str], before=None) -> float:
    """Median wall time; ``before()`` runs untimed ahead of each run."""
    times = []
    for _ in range(repeat):
        if before is not None:
            before()
        times.append(timed(cmd, cwd, env))
    return statistics.median(times)


def install_git_gud(root: Path) -> tuple[Path | None, str]:
    venv = root / "gitgud-venv"
    try:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
        subprocess.run(
            [str(venv / "bin" / "pip"), "install", "-q", "git-gud"],
            check=True,
            capture_output=True,
            timeout=300,
        )
    except (subprocess.SubprocessError, OSError) as exc:
        return None, f"git-gud could not be installed: {exc}"
    return venv / "bin", ""


def import_time_ms(env: dict[str, str]) -> tuple[float, list[tuple[str, float]]]:
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "mergecamp", "--help"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    rows = []
    for line in proc.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", line)
        if m and len(m.group(3)) <= 2:  # top-level imports only
            rows.append((m.group(4), int(m.group(2)) / 1000))
    total = sum(ms for _, ms in rows)
    return total, sorted(rows, key=lambda r: -r[1])[:5]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-sandbox-") as tmp:
        root = Path(tmp)
        home = root / "home"
        home.mkdir()
        (home / ".gitconfig").write_text("[user]\n\tname = Bench\n\temail = b@example.com\n")
        env = dict(
            os.environ,
            HOME=str(home),
            GIT_CONFIG_GLOBAL=str(home / ".gitconfig"),
            MERGECAMP_HOME=str(home / "mc"),
            MERGECAMP_NO_HOOK="1",
            PYTHONPYCACHEPREFIX=str(root / "pycache"),
        )
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        ws = root / "ws"
        mc = [sys.executable, "-m", "mergecamp", "--workspace", str(ws)]
        gg_bin, gg_note = install_git_gud(root)
        gg_env = dict(env, PATH=f"{gg_bin}{os.pathsep}{env['PATH']}") if gg_bin else env

        # Fill the bytecode cache first (untimed, in a scratch workspace and render cache).
        subprocess.run(
            [*mc[:-1], str(root / "warm-up"), "start", PAIRS[0][0]],
            env=dict(env, MERGECAMP_HOME=str(root / "warm-up-home")),
            capture_output=True,
            check=True,
        )
        t0 = time.perf_counter()
        subprocess.run(
            [*mc, "start", PAIRS[0][0], "--force"], env=env, capture_output=True, check=True
        )
        cold = time.perf_counter() - t0
        rows = []
        for exercise, (skill, level) in PAIRS:
            # A learner's first `start` of an exercise: the folder does not exist yet.
            fresh = lambda ex=exercise: shutil.rmtree(ws / ex, ignore_errors=True)  # noqa: E731
            start = median_of(args.repeat, [*mc, "start", exercise], root, env, before=fresh)
            check = median_of(args.repeat, [*mc, "check"], ws / exercise, env)
            gg_load = gg_test = None
            if gg_bin:
                gg_dir = root / f"gg-{exercise}"
                gg_dir.mkdir()
                subprocess.run(
                    ["git", "gud", "init"], cwd=gg_dir, env=gg_env, capture_output=True, check=True
                )
                gg_load = median_of(
                    args.repeat, ["git", "gud", "load", skill, level], gg_dir, gg_env
                )
                gg_test = median_of(args.repeat, ["git", "gud", "test"], gg_dir, gg_env)
            rows.append((exercise, f"{skill} {level}", start, gg_load, check, gg_test))
        first = PAIRS[0][0]
        unbuilt = median_of(
            args.repeat,
            [*mc, "start", first],
            root,
            dict(env, MERGECAMP_NO_BUILD_CACHE="1"),
            before=lambda: shutil.rmtree(ws / first, ignore_errors=True),
        )
        help_s = median_of(args.repeat, [*mc, "--help"], root, env)
        imports_ms, top = import_time_ms(env)

    def ratio(ours: float, theirs: float | None) -> str:
        return f"{ours / theirs:5.2f}x" if theirs else "  n/a"

    def ms(value: float | None) -> str:
        return f"{value * 1000:7.0f}" if value is not None else "    n/a"

    print(f"median of {args.repeat} runs, wall ms; ratio = mergecamp / git-gud (<1 is faster)")
    print(
        f"{'exercise':<20}{'git-gud':<11}{'start':>8}{'gg load':>9}{'ratio':>8}"
        f"{'check':>8}{'gg test':>9}{'ratio':>8}"
    )
    for exercise, level, start, gg_load, check, gg_test in rows:
        print(
            f"{exercise:<20}{level:<11}{ms(start):>8}{ms(gg_load):>9}"
            f"{ratio(start, gg_load):>8}{ms(check):>8}{ms(gg_test):>9}{ratio(check, gg_test):>8}"
        )
    if gg_note:
        print(gg_note)
    print(f"first start with an empty render cache: {cold * 1000:.0f} ms")
    print(f"start {PAIRS[0][0]} without the built-exercise cache: {unbuilt * 1000:.0f} ms")
    print(
        f"`mergecamp --help`: {help_s * 1000:.0f} ms wall; top-level imports {imports_ms:.0f} ms:"
        f" " + ", ".join(f"{name} {t:.0f}" for name, t in top)
    )


if __name__ == "__main__":
    main()
