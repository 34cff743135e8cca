"""One commit as the page shows it when clicked: message, author, diff stat, and the
config values it changed (``hidden_size 64 → 128``, keyed ``model.net.hidden_size``: the
path without LightningCLI's ``init_args`` levels), read with the project's YAML parser
(``mergecamp.configs``), never grepped."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from mergecamp.gitread import GitError, GitReader

_SHA = re.compile(r"^[0-9a-f]{4,40}$")
_EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"


def commit_info(repo: Path, sha: str) -> dict[str, Any] | None:
    """The commit ``sha`` of ``repo``, or None when it is not a commit there."""
    if not _SHA.match(sha):
        return None
    try:
        reader = GitReader(repo)
        commit = reader.commit(sha)
        date = reader.run("show", "-s", "--format=%aI", commit.sha)
        numstat = reader.run_bytes(
            "diff", "--numstat", "-z", commit.parents[0] if commit.parents else _EMPTY_TREE,
            commit.sha, "--",
        )  # fmt: skip
    except (GitError, KeyError):
        return None
    parent = commit.parents[0] if commit.parents else _EMPTY_TREE
    files = []
    for line in numstat.decode("utf-8", "replace").split("\x00"):
        parts = line.split("\t", 2)
        if len(parts) == 3 and parts[2]:
            added, removed, path = parts
            files.append({"path": path, "added": added, "removed": removed})
    yaml_paths = [f["path"] for f in files if f["path"].endswith((".yaml", ".yml"))]
    return {
        "sha": commit.sha,
        "author": commit.author_name,
        "email": commit.author_email,
        "date": date.strip(),
        "parents": list(commit.parents),
        "message": commit.message.rstrip("\n"),
        "files": files,
        "configs": [
            change
            for path in yaml_paths
            for change in config_changes(reader, parent, commit.sha, path)
        ],
    }


def config_changes(repo: GitReader, before: str, after: str, path: str) -> list[dict[str, str]]:
    """Every option of ``path`` whose parsed value differs between the two revisions."""
    old = _flat(_read(repo, before, path))
    new = _flat(_read(repo, after, path))
    if old is None or new is None:
        return [{"file": path, "key": "", "before": "", "after": "", "unparsed": "true"}]
    shown = _shown_keys(set(old) | set(new))
    out = []
    for key in sorted(shown, key=lambda k: (shown[k].count("."), shown[k])):
        if old.get(key) != new.get(key):
            short = shown[key]
            parts = short.split(".")
            # A class_path says whose: net.class_path, data.class_path.
            name = ".".join(parts[-2:] if parts[-1] == "class_path" else parts[-1:])
            out.append(
                {
                    "file": path,
                    "key": short,
                    "name": name,
                    "before": old.get(key, "—"),
                    "after": new.get(key, "—"),
                }
            )
    return out


def _shown_keys(keys: set[str]) -> dict[str, str]:
    """Each dotted key as a learner reads it: without LightningCLI's ``init_args``
    segments (``model.net.hidden_size``, the form ``--model.net.hidden_size`` takes), unless
    two keys would then read the same."""
    short = {key: ".".join(p for p in key.split(".") if p != "init_args") or key for key in keys}
    counts = Counter(short.values())
    return {key: value if counts[value] == 1 else key for key, value in short.items()}


def _read(repo: GitReader, rev: str, path: str) -> str | None:
    if rev == _EMPTY_TREE:
        return ""
    text = repo.read_text(rev, path)
    return "" if text is None else text  # a file added or deleted reads as empty


def _flat(text: str | None) -> dict[str, str] | None:
    """``{"model.init_args.net.init_args.hidden_size": "64", …}``, or None when it does
    not parse."""
    from mergecamp import configs

    if text is None:
        return None
    try:
        tree = configs.load(text) if text.strip() else {}
    except configs.ConfigError:
        return None
    out: dict[str, str] = {}

    def walk(node: object, prefix: str) -> None:
        if isinstance(node, dict) and node:
            for key, value in node.items():
                walk(value, f"{prefix}.{key}" if prefix else str(key))
        elif prefix:
            out[prefix] = "null" if node is None else str(node)

    walk(tree, "")
    return out
