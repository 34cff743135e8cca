"""The lecture's `git checkout` form of a command written with `git switch`.

The git lecture mergecamp follows teaches `git checkout <commit>` to travel and
`git checkout <branch>` to come back; newer git splits that into `git switch`. Both work
in every exercise, so where mergecamp suggests a `git switch` command it shows the
lecture's form beside it.
"""

from __future__ import annotations

import re

# `git switch` options and their `git checkout` spelling; any other option (e.g.
# `--track`) is the same in both.
_OPTIONS = {"-c": "-b", "--create": "-b", "-C": "-B", "--force-create": "-B", "--detach": ""}
_SWITCH = re.compile(r"\bgit switch((?: +[^\s&|;]+)*)")


def checkout_form(command: str) -> str | None:
    """``command`` with each `git switch …` written as `git checkout …`, or None when it
    has no `git switch`."""
    if not _SWITCH.search(command):
        return None

    def spelled(match: re.Match[str]) -> str:
        words = [_OPTIONS.get(word, word) for word in match.group(1).split()]
        return " ".join(["git checkout", *(w for w in words if w)])

    return _SWITCH.sub(spelled, command)
