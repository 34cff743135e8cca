"""How `mergecamp pr open` feels while CI runs: first output, the full run, a cached rerun.

In one run, on one exercise (pull-request, a learner's GRU branch pushed and synced):

- first output: seconds until `mergecamp pr open` prints its first line (stderr), with
  CI about to run the project's pre-commit and its whole fast suite;
- cold: the whole `pr open` with CI running for real;
- cached, same tree: the commit amended (new sha, same tree) and force-pushed, then
  `pr open` again: CI answers from its per-tree cache;
- `mergecamp --help`: the CLI's own start-up, the same-run baseline every row is
  divided by.

Each row is the median of ``--repeat`` runs (cold: the cache emptied before each).
Run: python bench/bench_pr.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = str(Path(sys.executable).parent)
MERGECAMP = [sys.executable, "-m", "mergecamp"]
GRU = "sed -i 's/^\\( *arch:\\) lstm/\\1 gru/' configs/default.yaml"
BODY = "## Experiment result\n\nval/loss 0.42 -> 0.37\n"


def env_for(home: Path, ws: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(
        HOME=str(home),
        GIT_CONFIG_NOSYSTEM="1",
        MERGECAMP_HOME=str(ws),
        MERGECAMP_LANG="en",
        MERGECAMP_NO_HOOK="1",
        PATH=BIN + os.pathsep + env.get("PATH", ""),
    )
    return env


def sh(script: str, cwd: Path, env: dict[str, str]) -> None:
    subprocess.run(["bash", "-e", "-c", script], cwd=cwd, env=env, check=True,
                   capture_output=True)  # fmt: skip


def first_output_and_total(cmd: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """Seconds to the first byte on stderr or stdout, and to the end."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert proc.stdout is not None
    proc.stdout.read(1)
    first = time.perf_counter() - t0
    proc.stdout.read()
    proc.wait()
    return first, time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-pr-"))
    try:
        home, ws = tmp / "home", tmp / "ws"
        home.mkdir()
        (home / ".gitconfig").write_text(
            "[user]\n\tname = Bench Learner\n\temail = bench@example.com\n", encoding="utf-8"
        )
        env = env_for(home, ws)
        subprocess.run([*MERGECAMP, "start", "pull-request"], env=env, cwd=tmp, check=True,
                       capture_output=True)  # fmt: skip
        root, origin = ws / "pull-request", ws / "pull-request-team" / "origin.git"
        sh(f"git switch -qc exp/gru && {GRU} && git commit -qam 'exp(model): try a GRU' && "
           "git push -q -u origin exp/gru && git fetch -q && "
           "git merge -q --no-edit origin/main && git push -q", root, env)  # fmt: skip
        (tmp / "pr.md").write_text(BODY, encoding="utf-8")
        open_cmd = [*MERGECAMP, "pr", "open", "--body-file", str(tmp / "pr.md")]
        cache = origin / "mergecamp" / "ci-cache"

        def cold() -> tuple[float, float]:
            shutil.rmtree(cache, ignore_errors=True)
            sh("git commit -q --amend --no-edit --date=now && git push -q -f", root, env)
            return first_output_and_total(open_cmd, root, env)

        def cached() -> tuple[float, float]:
            sh("git commit -q --amend --no-edit --date=now && git push -q -f", root, env)
            return first_output_and_total(open_cmd, root, env)

        helps = [first_output_and_total([*MERGECAMP, "--help"], root, env)[1]
                 for _ in range(args.repeat)]  # fmt: skip
        colds = [cold() for _ in range(args.repeat)]
        hits = [cached() for _ in range(args.repeat)]
        base = statistics.median(helps)
        rows = [
            ("mergecamp --help (baseline)", base),
            ("pr open, cold CI: first output", statistics.median(f for f, _ in colds)),
            ("pr open, cold CI: total", statistics.median(t for _, t in colds)),
            ("pr open, same tree cached: first output", statistics.median(f for f, _ in hits)),
            ("pr open, same tree cached: total", statistics.median(t for _, t in hits)),
        ]
        print(f"{'scenario':<42} {'seconds':>8} {'× baseline':>11}")
        for name, secs in rows:
            print(f"{name:<42} {secs:>8.3f} {secs / base:>11.1f}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
