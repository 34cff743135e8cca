"""No model weights, experiment logs or large data files in a commit.

Pure API (the sandbox engine and the PR review call it directly)::

    check_files(paths, max_kb=500, size_of=file_size, lfs=frozenset())
        -> list[Problem]      # [] when fine; one problem per kind (weights, logs, large)
    classify(path, size, max_kb) -> "weights" | "logs" | "large" | None

As a hook (`mergecamp-no-artifacts [FILE…]`, or `python -m mergecamp_hooks.no_artifacts`
as git's pre-commit hook) it checks the files pre-commit passes, or else the staged
files. Files tracked through Git LFS (`filter=lfs` in .gitattributes) are allowed: that
is artifact storage already.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Sequence

from mergecamp_hooks import cli
from mergecamp_hooks.conventions import (
    DEFAULT_MAX_KB,
    LOG_DIRS,
    LOG_FILE_RE,
    WEIGHT_SUFFIXES,
)
from mergecamp_hooks.gitutil import git, staged_files
from mergecamp_hooks.problem import Problem, shell_word

HOOK = "no-artifacts"

#: How many paths a lesson lists before "… and N more".
SHOWN = 8


def file_size(path: str) -> int | None:
    """Size in bytes of the working-tree file, None when it is gone (a rename, a deletion)."""
    try:
        return os.path.getsize(path)
    except OSError:
        return None


def log_root(path: str) -> str | None:
    """`runs/lightning_logs` for `runs/lightning_logs/version_0/x`: the folder to ignore."""
    parts = path.split("/")
    for index, part in enumerate(parts[:-1]):
        if part in LOG_DIRS:
            return "/".join(parts[: index + 1])
    return None


def classify(path: str, size: int | None, max_kb: int = DEFAULT_MAX_KB) -> str | None:
    """Which kind of artifact `path` is, if any; logs first, then weights, then size."""
    if log_root(path) or LOG_FILE_RE.search(path):
        return "logs"
    if path.lower().endswith(WEIGHT_SUFFIXES):
        return "weights"
    if size is not None and size > max_kb * 1024:
        return "large"
    return None


def _listing(paths: Sequence[str], sizes: dict[str, int | None] | None = None) -> str:
    shown = []
    for path in paths[:SHOWN]:
        size = sizes.get(path) if sizes else None
        shown.append(f'"{path}" ({size // 1024} KB)' if size is not None else f'"{path}"')
    if len(paths) > SHOWN:
        shown.append(f"… +{len(paths) - SHOWN}")
    return "\n".join(shown)


def _log_pattern(root: str) -> str:
    """`lightning_logs/` for a log folder (anywhere in the tree), a glob for event files."""
    if LOG_FILE_RE.search(root):
        return "events.out.tfevents.*"
    return root.rsplit("/", 1)[-1] + "/"


def _ignore(patterns: Sequence[str]) -> str:
    """Append patterns to .gitignore, one per line."""
    quoted = " ".join(shell_word(p) for p in patterns)
    if len(patterns) == 1:
        return f"echo {quoted} >> .gitignore"
    return f"printf '%s\\n' {quoted} >> .gitignore"


def check_files(
    paths: Iterable[str],
    max_kb: int = DEFAULT_MAX_KB,
    size_of: Callable[[str], int | None] = file_size,
    lfs: frozenset[str] = frozenset(),
) -> list[Problem]:
    """Problems with committing `paths`; `lfs` lists paths Git LFS stores (they pass)."""
    groups: dict[str, list[str]] = {"weights": [], "logs": [], "large": []}
    sizes: dict[str, int | None] = {}
    for path in dict.fromkeys(p.replace(os.sep, "/") for p in paths):
        if path in lfs:
            continue
        sizes[path] = size_of(path) if not path.lower().endswith(WEIGHT_SUFFIXES) else None
        kind = classify(path, sizes[path], max_kb)
        if kind:
            groups[kind].append(path)
    problems = []
    if groups["weights"]:
        found = groups["weights"]
        suffixes = sorted({"*" + os.path.splitext(p)[1] for p in found})
        fix = f"git rm --cached -r -- {' '.join(map(shell_word, suffixes))} && {_ignore(suffixes)}"
        params = {"suffixes": ", ".join("*" + s for s in WEIGHT_SUFFIXES)}
        problems.append(Problem("artifact.weights", _listing(found), fix, params, listing=True))
    if groups["logs"]:
        found = groups["logs"]
        roots = list(dict.fromkeys(log_root(p) or p for p in found))
        quoted = " ".join(shell_word(r) for r in roots)
        patterns = list(dict.fromkeys(_log_pattern(r) for r in roots))
        fix = f"git rm --cached -r -- {quoted} && {_ignore(patterns)}"
        params = {"dirs": ", ".join(d + "/" for d in LOG_DIRS)}
        problems.append(Problem("artifact.logs", _listing(found), fix, params, listing=True))
    if groups["large"]:
        found = groups["large"]
        quoted = " ".join(shell_word(p) for p in found)
        fix = f"git rm --cached -- {quoted} && {_ignore(found)}"
        params = {"limit": str(max_kb)}
        problems.append(Problem("artifact.large", _listing(found, sizes), fix, params, True))
    return problems


def lfs_paths(paths: Sequence[str]) -> frozenset[str]:
    """The paths .gitattributes routes through Git LFS (one `git check-attr` call)."""
    if not paths:
        return frozenset()
    out = git("check-attr", "-z", "--stdin", "filter", input_text="\0".join(paths) + "\0")
    fields = out.split("\0")
    return frozenset(fields[i] for i in range(0, len(fields) - 2, 3) if fields[i + 2] == "lfs")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `mergecamp-no-artifacts`."""
    p = cli.parser("mergecamp-no-artifacts", "Keep weights, logs and large data out of git.")
    p.add_argument("files", nargs="*", help="files to check (default: the staged files)")
    args = p.parse_args(argv)

    def body() -> int:
        conf = cli.settings(args)
        paths = args.files or staged_files()
        problems = check_files(paths, conf.max_kb)
        if problems:  # only then ask git about LFS: the common, clean case stays fast
            problems = check_files(paths, conf.max_kb, lfs=lfs_paths(paths))
        return cli.verdict(problems, HOOK, conf.lang)

    return cli.run(HOOK, body)


if __name__ == "__main__":
    sys.exit(main())
