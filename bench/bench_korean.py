"""What choosing Korean particles costs a check: every exercise message filled once.

Prints one table: the median time to fill every Korean message of every exercise with
sample values, with `str.format` (no particle choice, the baseline) and with
`mergecamp.korean.fill` (the paired particles resolved), and their ratio, all measured
in this run.

    python bench/bench_korean.py [--repeat 7]
"""

from __future__ import annotations

import argparse
import re
import statistics
import time

from mergecamp import tracks
from mergecamp.korean import fill

FIELD = re.compile(r"\{(\w+)\}")


def _templates() -> list[tuple[str, dict[str, str]]]:
    found = []
    for exercise_id in tracks.available_ids():
        for message in tracks.load(exercise_id).messages.values():
            ko = message.text.ko
            if FIELD.search(ko) and not re.search(r"\{\w*[:!]", ko):
                found.append((ko, {name: "exp/gru" for name in FIELD.findall(ko)}))
    return found


def _median(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    repeat = parser.parse_args().repeat
    templates = _templates()
    base = _median(lambda: [t.format(**f) for t, f in templates], repeat)
    paired = _median(lambda: [fill(t, f) for t, f in templates], repeat)
    print(f"{len(templates)} Korean messages with fields, median of {repeat} runs")
    print(f"{'step':<34}{'ms':>10}{'ratio':>8}")
    print(f"{'str.format (baseline)':<34}{base * 1e3:>10.3f}{1:>8.1f}")
    print(f"{'korean.fill (particles chosen)':<34}{paired * 1e3:>10.3f}{paired / base:>8.1f}")


if __name__ == "__main__":
    main()
