"""``python -m mergecamp.hook_line``: the one line an exercise repository's git hooks print
after a commit, checkout, merge or rebase, e.g. ``mergecamp merge-conflict: ✘··· 0/4 · …``.

It runs after every git command the learner types, within a budget of 100 ms, so it
stays apart from the click CLI (importing click alone costs about 40 ms): the quick
check (no model tests), the first failing step that was judged, nothing else. It never
fails or blocks git: any problem means no line, and the exit status is always 0.
``mergecamp check --from-hook`` (what older exercise repos' hooks call) prints the same.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mergecamp.i18n import Lang, Text

# Here, not with the CLI's texts: importing mergecamp.cli loads click.
HOOK_DONE = Text(
    en="all steps pass: run `mergecamp check` to confirm",
    ko="모든 단계 통과: `mergecamp check`로 확인하세요",
)


def line(lang: Lang, workspace: Path, cwd: Path) -> str | None:
    """The progress line for the exercise around ``cwd``, or None when there is none to
    print (not an exercise, or in the middle of a rebase, am or bisect)."""
    from mergecamp import engine, escape
    from mergecamp.paths import follow_workspace

    scene = engine.locate(workspace, cwd, None)
    follow_workspace(scene.workspace)
    state = engine.repo_state(scene)
    if state is not None and state.operation in ("rebase", "am", "bisect"):
        return None  # mid-operation: a line after every internal step is noise
    scene.quick = True
    report = engine.run_check(scene)
    marks = "".join(mark(s.passed, s.judged) for s in report.steps)
    done = sum(s.passed for s in report.steps)
    text = f"mergecamp {scene.exercise_id}: {marks} {done}/{len(report.steps)}"
    failure = next((s for s in report.steps if not s.passed and s.judged), None)
    if report.passed:
        from mergecamp.progress import record_event

        record_event(scene.exercise_id, "check", passed=True)
        return f"{text} · {HOOK_DONE(lang)}"
    if failure is not None:
        return f"{text} · {escape.terminal(failure.message(lang))}"
    return text


def mark(passed: bool, judged: bool) -> str:
    """✔ passed, ✘ failed, · not judged yet (waits for another step, or not run here)."""
    if passed:
        return "✔"
    return "✘" if judged else "·"


def _cwd() -> Path:
    try:
        return Path.cwd()
    except FileNotFoundError:  # replaced by a reset: the same path, if it is back
        return Path(os.environ.get("PWD", "/"))


def main() -> int:
    try:
        from mergecamp.i18n import resolve_lang
        from mergecamp.paths import default_workspace

        text = line(resolve_lang(None), default_workspace().resolve(), _cwd())
        if text is not None:
            print(text, file=sys.stderr)
    except BaseException:  # a hook must never break the learner's git command
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
