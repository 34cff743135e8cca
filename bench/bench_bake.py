"""How long a bake takes, and how long the baked project's own tests take.

Run by hand: ``python bench/bench_bake.py [--bakes 5]``.

Bake time is compared in the same run with a plain copy of the template folder, so the
ratio shows what rendering and the hooks cost on this machine. The generated project's
tests run with this interpreter, as a learner would run them.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mergecamp.demo import bake
from mergecamp.paths import project_template

TEMPLATE = project_template()


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def pytest_seconds(project: Path, *args: str) -> float:
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=project, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"the generated tests failed ({' '.join(args)}):\n{done.stdout[-2000:]}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bakes", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        work_dir = Path(work)
        copies = [
            timed(lambda i=i: shutil.copytree(TEMPLATE, work_dir / f"copy{i}"))
            for i in range(args.bakes)
        ]
        bakes = [timed(lambda i=i: bake(work_dir / f"bake{i}")) for i in range(args.bakes)]
        project = work_dir / "bake0" / "sequence-lab"
        models = pytest_seconds(project, "tests/test_models.py")
        fast = pytest_seconds(project, "-m", "not slow")
        slow = pytest_seconds(project, "-m", "slow")

    copy, baked = statistics.median(copies), statistics.median(bakes)
    print(f"{'what':<44}{'seconds':>10}")
    print(f"{'copy of template/ (baseline, median)':<44}{copy:>10.3f}")
    print(f"{'bake with defaults, init_git=no (median)':<44}{baked:>10.3f}")
    print(f"{'  ratio bake / copy':<44}{baked / copy:>10.1f}")
    print(f"{'generated tests/test_models.py':<44}{models:>10.2f}")
    print(f"{'generated fast suite (-m not slow)':<44}{fast:>10.2f}")
    print(f"{'generated slow suite (-m slow)':<44}{slow:>10.2f}")


if __name__ == "__main__":
    main()
