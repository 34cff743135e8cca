"""``python -m mergecamp.team.tick <exercise-id> <learner-repo>``: run due team events.

Called by the learner's ``reference-transaction`` hook; never fails the git command
that triggered it (the hook ignores the exit status), and prints nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mergecamp.team.teammates import tick_exercise


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m mergecamp.team.tick <exercise-id> <learner-repo>", file=sys.stderr)
        return 2
    try:
        tick_exercise(argv[0], Path(argv[1]).resolve())
    except Exception as err:  # a hook must never break the learner's git command
        print(f"mergecamp: the team could not react: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
