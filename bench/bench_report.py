"""How long the instructor's report takes for a class of 200 learners × 17 exercises.

Prints one table: each step's median wall time over several runs and its ratio to the
baseline (just reading and parsing the 200 JSON files), all measured in this run.
The issue's goal: the whole report renders in under a second.

    python bench/bench_report.py [--learners 200] [--repeat 5]
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from mergecamp.report import build, load_all
from mergecamp.report.render_html import to_html
from mergecamp.report.render_json import to_json
from mergecamp.report.render_markdown import to_markdown
from mergecamp.report.render_terminal import print_report
from onboarding.classgen import write_class
from rich.console import Console


def _median(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "class"
        files = write_class(folder, args.learners)

        def baseline() -> None:
            for f in files:
                json.loads(f.read_bytes())

        def terminal() -> None:
            out = Console(file=io.StringIO(), width=200, force_terminal=False)
            print_report(build(load_all([folder])), "en", out)

        steps: list[tuple[str, Callable[[], object]]] = [
            ("baseline: read + parse JSON", baseline),
            ("load + validate", lambda: load_all([folder])),
            ("load + build report", lambda: build(load_all([folder]))),
            ("full: terminal (rich)", terminal),
            ("full: --markdown", lambda: to_markdown(build(load_all([folder])), "en")),
            ("full: --json", lambda: to_json(build(load_all([folder])))),
            ("full: --html", lambda: to_html(build(load_all([folder])), "en")),
        ]
        results = [(name, _median(fn, args.repeat)) for name, fn in steps]
    base = results[0][1]
    print(f"report of {args.learners} learners x 17 exercises, median of {args.repeat} runs")
    print(f"{'step':<30} {'seconds':>9} {'x baseline':>11}")
    for name, seconds in results:
        print(f"{name:<30} {seconds:>9.4f} {seconds / base:>11.1f}")
    slowest = max(s for _, s in results[3:])
    verdict = "under" if slowest < 1.0 else "OVER"
    print(f"slowest full report: {slowest:.3f} s ({verdict} the 1 s goal)")


if __name__ == "__main__":
    main()
