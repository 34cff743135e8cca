"""Guessing a Conventional Commits header from a message that is not one yet.

The fix line of a lesson should be a command one can run as is, so a bad header gets a
best guess (`Fixed loader crash` → `fix: loader crash`). It is a guess: the rule text
next to it lists the types, and the learner edits it if the guess is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: First words (lowercased) that reveal the kind of change.
VERB_TYPES = {
    "feat": (
        "add added adds adding implement implemented implements create created introduce "
        "introduced new support supported feat feature"
    ),
    "fix": "fix fixed fixes fixing bug bugfix repair repaired resolve resolved correct corrected",
    "docs": "doc docs document documented documentation readme",
    "test": "test tests testing",
    "refactor": "refactor refactored cleanup clean rename renamed restructure move moved",
    "perf": "optimize optimized optimise optimised speed speedup faster perf",
    "chore": "update updated bump bumped upgrade upgraded chore remove removed delete deleted",
    "ci": "ci",
    "build": "build deps dependency dependencies",
    "exp": "exp experiment try tried tune tuned",
    "hotfix": "hotfix",
}
WORD_TYPE = {word: kind for kind, words in VERB_TYPES.items() for word in words.split()}

#: Korean keywords, found anywhere in the line (Korean puts the verb last).
KOREAN_TYPES = (
    ("추가", "feat"),
    ("구현", "feat"),
    ("수정", "fix"),
    ("고침", "fix"),
    ("버그", "fix"),
    ("문서", "docs"),
    ("테스트", "test"),
    ("리팩터", "refactor"),
    ("정리", "refactor"),
    ("최적화", "perf"),
    ("실험", "exp"),
    ("업데이트", "chore"),
)

#: Words that are only a label for the type: dropped from the subject.
LABEL_WORDS = {"feat", "feature", "fix", "fixed", "bugfix", "hotfix", "docs", "chore", "exp", "wip"}


def guess_type(text: str, types: Sequence[str]) -> str:
    """The most likely type for a header, restricted to the allowed `types`."""
    words = re.findall(r"[a-z]+", text.lower())
    first = WORD_TYPE.get(words[0]) if words else None
    if first in types:
        return first
    for keyword, kind in KOREAN_TYPES:
        if keyword in text and kind in types:
            return kind
    return "feat" if "feat" in types else types[0]


def normalise_type(word: str, types: Sequence[str]) -> str | None:
    """`Feat`, `feature`, `bugfix` → an allowed type, when the intent is clear."""
    lowered = word.lower()
    if lowered in types:
        return lowered
    kind = WORD_TYPE.get(lowered)
    return kind if kind in types else None


def _subject_from(header: str) -> str:
    """Drop a leading label word or bracket tag and lowercase a capitalised first word."""
    words = header.strip().split()
    if words and words[0].strip("[]():-").lower() in LABEL_WORDS:
        words = words[1:]
    if words and words[0] in {"-", ":", "–"}:
        words = words[1:]
    if words and re.fullmatch(r"[A-Z][a-z]+[.,:]?", words[0]):
        words[0] = words[0].lower()
    return " ".join(words)


def shorten(header: str, limit: int) -> str:
    """Cut at the last space that keeps the header within `limit` characters."""
    if len(header) <= limit:
        return header
    cut = header[:limit].rstrip()
    space = cut.rfind(" ")
    return cut[:space] if space > limit // 2 else cut


def suggest_header(header: str, types: Sequence[str], limit: int, placeholder: str) -> str:
    """A valid header close to `header`; `placeholder` fills an empty subject."""
    match = re.match(r"^\s*([^\s():!]+)\s*(\([^()]*\))?\s*(!)?\s*:\s*(.*)$", header)
    if match:
        kind = normalise_type(match[1], types) or guess_type(match[4], types)
        scope = (match[2] or "").replace(" ", "")
        scope = "" if scope == "()" else scope
        prefix = f"{kind}{scope}{match[3] or ''}: "
        subject = match[4].strip() or placeholder
    else:
        prefix = f"{guess_type(header, types)}: "
        subject = _subject_from(header) or placeholder
    return shorten(prefix + subject, limit)
