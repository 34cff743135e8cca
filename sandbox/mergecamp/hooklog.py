"""What an exercise's commit-msg hook let through, so a check can tell `--no-verify` apart.

An exercise that installs the team's conventions hooks (``hook-rejected``) ends its
commit-msg hook with ``python -m mergecamp.hooklog "$1"``: once the conventions hook
accepted the message, the SHA-256 of that message (cleaned as git stores it) is appended
to ``<git dir>/mergecamp-hooks.log``. A learner commit whose message is not in the log
never went through the hook (``git commit --no-verify``, ``-n``, another hooks path):
``mergecamp.invariants`` names it.

Stdlib only and quick: it runs inside ``git commit``, and never fails the commit.
"""

from __future__ import annotations

import contextlib
import hashlib
import sys
from pathlib import Path

from mergecamp_hooks.message import clean_message

LOG_NAME = "mergecamp-hooks.log"


def digest(message: str) -> str:
    """The SHA-256 of a commit message as git keeps it (comments, scissors and blank
    edges dropped), so the hook's message file and the commit object agree."""
    text = "\n".join(clean_message(message, strip_comments=True))
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def accepted(git_dir: Path) -> set[str]:
    """Every digest the hook recorded in this repository."""
    try:
        raw = (git_dir / LOG_NAME).read_text(encoding="ascii", errors="replace")
    except OSError:
        return set()
    return {line.strip() for line in raw.splitlines() if line.strip()}


def record(message_file: Path) -> None:
    """Append the digest of the message in ``message_file`` (git passes the hook a file
    inside the git directory: ``.git/COMMIT_EDITMSG``, ``.git/MERGE_MSG``)."""
    text = message_file.read_text(encoding="utf-8", errors="surrogateescape")
    with (message_file.parent / LOG_NAME).open("a", encoding="ascii") as log:
        log.write(digest(text) + "\n")


def main(argv: list[str]) -> int:
    with contextlib.suppress(OSError, IndexError):  # never block an accepted commit
        record(Path(argv[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
