"""Reading a commit message the way git will store it, and recognising git's own messages.

Kept apart from the rule so the parser can be property-tested on its own.
"""

from __future__ import annotations

import re

#: The line `git commit -v` puts above the diff; git drops it and everything below.
SCISSORS_RE = re.compile(r"^# -+ >8 -+$")

#: Messages git writes itself (merges, reverts) or that autosquash will replace.
GIT_GENERATED = ("Merge ", 'Revert "', 'Reapply "', "fixup! ", "squash! ", "amend! ")


def clean_message(text: str, strip_comments: bool = True, comment_char: str = "#") -> list[str]:
    """The message's lines as git keeps them: no comments, no trailing blanks or spaces.

    `strip_comments` is for a message being written (the commit-msg hook); a commit that
    already exists keeps its lines verbatim.
    """
    lines = []
    for raw in text.replace("\r\n", "\n").split("\n"):
        if strip_comments and SCISSORS_RE.match(raw):
            break
        if strip_comments and raw.startswith(comment_char):
            continue
        lines.append(raw.rstrip())
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def is_git_generated(header: str) -> bool:
    """Merge, revert and autosquash messages pass: git or the tooling wrote them."""
    return header.startswith(GIT_GENERATED) or header == "Merge"
