"""Protected ``main`` on the team's origin: a server-side ``pre-receive`` hook.

A real team's forge refuses a push to ``main``: changes reach it through a reviewed PR.
The hook here does the same on the local bare origin, for the learner and the scripted
teammates alike, with a message that teaches the PR way. ``mergecamp pr merge`` moves
``main`` with ``git update-ref`` inside origin (``team.pr_merge``), which runs no hook:
that is the only way in.

``python -m mergecamp.team.protection`` is the hook's body: it reads git's
``<old> <new> <ref>`` lines on stdin and exits 1 when one of them names a protected
branch (a push that also carries other branches is refused whole, as git does).
"""

from __future__ import annotations

import json
import shlex
import stat
import sys
from pathlib import Path

from mergecamp.i18n import Text, resolve_lang

_HOOK = """#!/bin/sh
# mergecamp: origin's protected branches change only through a merged PR.
exec {python} -m mergecamp.team.protection "$PWD"
"""
_SETTINGS = "protected.json"

REFUSED = Text(
    en=(
        "mergecamp: `{branch}` is protected on origin: nobody pushes to it, the team "
        "included. Changes reach `{branch}` through a reviewed pull request:\n"
        "  git switch -c exp/<idea>      # your commits on a branch (keep them: "
        "`git branch exp/<idea>` if they are already on {branch})\n"
        "  git push -u origin exp/<idea>\n"
        "  mergecamp pr open             # review and CI, then: mergecamp pr merge\n"
        "Why: every change on {branch} has been reviewed and tested, so anyone can start "
        "from it."
    ),
    ko=(
        "mergecamp: origin의 `{branch}`은(는) 보호된 브랜치예요. 팀원을 포함해 아무도 직접 "
        "푸시하지 않아요. `{branch}`에는 리뷰를 거친 PR로만 들어가요:\n"
        "  git switch -c exp/<idea>      # 커밋을 브랜치에 올려요(이미 {branch}에 커밋했다면 "
        "`git branch exp/<idea>`로 남겨요)\n"
        "  git push -u origin exp/<idea>\n"
        "  mergecamp pr open             # 리뷰와 CI를 거친 뒤 mergecamp pr merge\n"
        "왜: {branch}의 모든 변경이 리뷰와 테스트를 거쳤으니 누구나 거기서 시작할 수 있어요."
    ),
)


def protect(origin: Path, branches: tuple[str, ...] = ("main",)) -> None:
    """Install the hook in ``origin`` and record which branches it guards."""
    hooks = origin / "hooks"
    hooks.mkdir(exist_ok=True)
    hook = hooks / "pre-receive"
    hook.write_text(_HOOK.format(python=shlex.quote(sys.executable)), encoding="utf-8")
    hook.chmod(hook.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    settings = origin / "mergecamp" / _SETTINGS
    settings.parent.mkdir(exist_ok=True)
    settings.write_text(json.dumps({"branches": list(branches)}), encoding="utf-8")


def protected(origin: Path) -> tuple[str, ...]:
    """The branches origin guards (none when it has no protection)."""
    try:
        data = json.loads((origin / "mergecamp" / _SETTINGS).read_text(encoding="utf-8"))
        return tuple(str(b) for b in data.get("branches", []))
    except (OSError, ValueError, AttributeError):
        return ()


def refused(origin: Path, updates: list[str]) -> str | None:
    """The first protected branch a push's ``<old> <new> <ref>`` lines touch, or None."""
    guarded = {f"refs/heads/{b}" for b in protected(origin)}
    for line in updates:
        parts = line.split()
        if len(parts) == 3 and parts[2] in guarded:
            return parts[2].removeprefix("refs/heads/")
    return None


def main(argv: list[str]) -> int:
    origin = Path(argv[0]) if argv else Path.cwd()
    branch = refused(origin, sys.stdin.read().splitlines())
    if branch is None:
        return 0
    print(REFUSED.format(branch=branch)(resolve_lang()), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
