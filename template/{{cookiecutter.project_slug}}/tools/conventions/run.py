"""Run one of the team's convention hooks: ``python tools/conventions/run.py commit_msg FILE``.

``mergecamp_hooks/`` beside this file is the team's own copy of mergecamp's hooks
(standard library only), written by the project template: nothing to install and
nothing to download, so a commit is checked on any machine with Python 3.11+. The rules
are read from ``[tool.mergecamp]`` in pyproject.toml; ``cruft update`` brings newer hooks
from the template. Do not edit the copy by hand: an update would overwrite the edit.
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

HOOKS = ("branch_name", "commit_msg", "no_artifacts")


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in HOOKS:
        sys.exit(f"usage: python tools/conventions/run.py ({' | '.join(HOOKS)}) [options]")
    hook = sys.argv.pop(1)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.argv[0] = f"mergecamp-{hook.replace('_', '-')}"  # the name its messages use
    runpy.run_module(f"mergecamp_hooks.{hook}", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
