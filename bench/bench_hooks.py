"""Wall time of each mergecamp hook against `cz check` and conventional-pre-commit.

Run by hand: ``python bench/bench_hooks.py [--runs 15] [--venv DIR]``.

Every tool runs as git would run it: a fresh process per message. commitizen and
conventional-pre-commit are installed into a throw-away virtualenv this script creates
(or into --venv DIR, kept for the next run); they never touch the project environment.
Times are medians; the ratios compare tools measured in this same run, and
`python -c pass` shows the interpreter start-up every Python hook pays.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TOOLS = ["commitizen==4.19.3", "conventional-pre-commit==4.4.0"]
TYPES = ["feat", "fix", "exp", "docs", "refactor", "test", "chore", "ci", "perf", "build"]
MESSAGES = {
    "good": "feat(models): add a bidirectional GRU\n",
    "good-ko": "fix(data): 마지막 배치 패딩\n\n에폭마다 샘플이 빠지고 있었어요.\n",
    "bad": "Fixed the loader\n",
    "merge": "Merge branch 'exp/lstm' into main\n",
}


def interleaved(
    commands: dict[str, list[str]], env: dict[str, str], cwd: Path, runs: int
) -> dict[str, float]:
    """Median ms per command, running them round-robin so load changes hit all alike."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for round_index in range(runs + 1):
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, env=env, cwd=cwd, capture_output=True)
            if round_index:  # the first round only warms caches
                times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) * 1000 for name, values in times.items()}


def tool_venv(path: Path) -> Path:
    """A virtualenv with the two reference tools; reused when it already has them."""
    bin_dir = path / "bin"
    if not (bin_dir / "cz").exists() or not (bin_dir / "conventional-pre-commit").exists():
        print(f"installing {', '.join(TOOLS)} into {path} …", file=sys.stderr)
        venv.create(path, with_pip=True)
        subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "-q", *TOOLS], check=True)
    return bin_dir


def make_repo(root: Path, env: dict[str, str]) -> Path:
    """A small repository on a feature branch with staged files, like a real commit."""
    repo = root / "repo"
    repo.mkdir()
    for args in (["init", "-q", "-b", "main"], ["switch", "-q", "-c", "feat/bench"]):
        subprocess.run(["git", *args], cwd=repo, env=env, check=True)
    for index in range(40):
        (repo / f"module_{index}.py").write_text("VALUE = 1\n")
    subprocess.run(["git", "add", "."], cwd=repo, env=env, check=True)
    for name, text in MESSAGES.items():
        (repo / f"{name}.msg").write_text(text, encoding="utf-8")
    return repo


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--venv", type=Path, help="keep the tools' virtualenv here")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        bin_dir = tool_venv(args.venv or root / "tools")
        env = {**os.environ, "PYTHONPATH": str(REPO / "hooks"), "GIT_INDEX_FILE": ".git/index"}
        env.pop("LC_ALL", None)
        repo = make_repo(root, {k: v for k, v in env.items() if k != "GIT_INDEX_FILE"})
        py = str(bin_dir / "python")  # same interpreter and site-packages as the tools
        ours = [py, "-m", "mergecamp_hooks.commit_msg"]
        cpc = [str(bin_dir / "conventional-pre-commit"), *TYPES]
        cz = [str(bin_dir / "cz"), "check", "--commit-msg-file"]

        commands: dict[str, list[str]] = {"python -c pass": [py, "-c", "pass"]}
        for name in MESSAGES:
            commands[f"ours {name}"] = [*ours, f"{name}.msg"]
            commands[f"cz {name}"] = [*cz, f"{name}.msg"]
            commands[f"cpc {name}"] = [*cpc, f"{name}.msg"]
        files = [f"module_{index}.py" for index in range(40)]
        others = {
            "branch-name (committing)": [py, "-m", "mergecamp_hooks.branch_name"],
            "no-artifacts (40 files)": [py, "-m", "mergecamp_hooks.no_artifacts", *files],
            "no-artifacts (staged)": [py, "-m", "mergecamp_hooks.no_artifacts"],
        }
        commands.update(others)
        ms = interleaved(commands, env, repo, args.runs)
        baseline = ms["python -c pass"]
        rows = [
            (f"commit-msg ({n})", ms[f"ours {n}"], ms[f"cz {n}"], ms[f"cpc {n}"]) for n in MESSAGES
        ]
        rows += [(name, ms[name], None, None) for name in others]

    print(f"\nmedian of {args.runs} runs, fresh process each; python -c pass = {baseline:.1f} ms\n")
    header = (
        f"{'hook':<28}{'ours ms':>9}{'cz ms':>9}{'cpc ms':>9}"
        f"{'cz/ours':>9}{'cpc/ours':>10}{'own ms':>8}{'< 50 ms':>9}"
    )
    print(header)
    print("-" * len(header))
    for name, mine, cz_ms, cpc_ms in rows:
        cz_text = f"{cz_ms:9.1f}{cz_ms / mine:8.1f}x" if cz_ms else f"{'':>9}{'':>9}"
        cpc_cells = f"{cpc_ms:9.1f}" if cpc_ms else f"{'':>9}"
        cpc_ratio = f"{cpc_ms / mine:9.1f}x" if cpc_ms else f"{'':>10}"
        cz_cell, cz_ratio = (cz_text[:9], cz_text[9:]) if cz_ms else (f"{'':>9}", f"{'':>9}")
        goal = "yes" if mine < 50 else "NO"
        own = mine - baseline  # what the hook adds on top of starting Python
        print(f"{name:<28}{mine:9.1f}{cz_cell}{cpc_cells}{cz_ratio}{cpc_ratio}{own:8.1f}{goal:>9}")
    print("\ncz = commitizen `cz check`, cpc = conventional-pre-commit; ratio > 1: ours faster.")
    print("own ms = ours minus `python -c pass`: the hook's cost beyond interpreter start-up.")


if __name__ == "__main__":
    main()
