"""What a PR says it is about, and which of its changed files lie outside that.

The topic comes from the title (its conventional scope and its words: "try a GRU" is
about the model); the project's areas come from the template's layout. A file is only
called off-topic when it belongs to a known area the title does not name: tests,
configs and files of no known area go with any topic, and a title that names no area
has no topic to judge by.
"""

from __future__ import annotations

import re
from fnmatch import fnmatch

# area -> the paths that belong to it (fnmatch patterns, `*` crosses `/`)
AREAS: dict[str, tuple[str, ...]] = {
    "model": ("src/*/models/*",),
    "data": ("src/*/data/*",),
    "training": ("src/*/module.py", "src/*/cli.py"),
    "ci": (".github/workflows/*", ".pre-commit-config.yaml", ".gitlab-ci.yml"),
    "docs": ("README.md", "CONTRIBUTING.md", "docs/*"),
}

# words of a title (scope or description) -> the area they name
WORDS: dict[str, str] = {
    **dict.fromkeys(
        (
            "model", "models", "rnn", "lstm", "gru", "transformer", "conv", "conv1d", "cnn",
            "attention", "activation", "swish", "encoder", "decoder", "layer", "layers",
            "network", "bidirectional", "hidden",
        ),
        "model",
    ),
    **dict.fromkeys(
        ("data", "dataset", "datamodule", "adding", "loader", "dataloader", "corpus"), "data"
    ),
    **dict.fromkeys(
        ("train", "training", "module", "optimizer", "optimiser", "loss", "metric", "metrics",
         "lr", "scheduler", "cli"),
        "training",
    ),
    **dict.fromkeys(("ci", "workflow", "pre-commit", "lint"), "ci"),
    **dict.fromkeys(("docs", "readme", "contributing"), "docs"),
}  # fmt: skip

_TITLE = re.compile(r"^(?P<type>\w+)(?:\((?P<scope>[^)]*)\))?!?:\s*(?P<rest>.*)$")


def area_of(path: str) -> str | None:
    """The area ``path`` belongs to, or ``None`` (tests, configs, anything else)."""
    for area, patterns in AREAS.items():
        if any(fnmatch(path, pattern) for pattern in patterns):
            return area
    return None


def topic_areas(title: str) -> set[str]:
    """The areas a PR title names (empty when it names none)."""
    match = _TITLE.match(title.strip())
    # the type counts too: a `docs:` PR is about the docs whatever else it names
    words = title if match is None else f"{match['type']} {match['scope'] or ''} {match['rest']}"
    return {WORDS[w] for w in re.findall(r"[a-z0-9-]+", words.lower()) if w in WORDS}


def off_topic(title: str, paths: set[str]) -> dict[str, str]:
    """path -> its area, for each changed path in an area the title does not name."""
    topic = topic_areas(title)
    if not topic:
        return {}
    found = {}
    for path in sorted(paths):
        area = area_of(path)
        if area is not None and area not in topic:
            found[path] = area
    return found
