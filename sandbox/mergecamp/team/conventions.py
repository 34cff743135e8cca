"""The team conventions as the review needs them, taken from ``mergecamp_hooks``.

The hooks own the rules (branch names, Conventional Commits, artifacts) and their
lessons; this module only turns a hook ``Problem`` into a ``Text`` in both languages,
so the PR review and the learner's own hooks never disagree.
"""

from __future__ import annotations

from collections.abc import Mapping

from mergecamp.i18n import Text


def _text(problem: object) -> Text:
    """A hook Problem as one line per language: what is wrong, then the rule."""
    parts = {}
    for lang in ("en", "ko"):
        lesson = problem.lesson(lang)  # type: ignore[attr-defined]
        parts[lang] = f"{lesson['title']}. {lesson['rule']}"
    return Text(en=parts["en"], ko=parts["ko"])


def branch_problem(name: str) -> Text | None:
    """Why ``name`` breaks the branch convention, or ``None`` when it is fine."""
    from mergecamp_hooks.branch_name import check_branch

    problems = check_branch(name)
    return _text(problems[0]) if problems else None


def suggest_branch(name: str) -> str:
    from mergecamp_hooks.branch_name import suggest_branch as suggest

    return suggest(name)


def message_problem(message: str) -> Text | None:
    """Why a commit message (or PR title) breaks Conventional Commits, or ``None``."""
    from mergecamp_hooks.commit_msg import check_message

    problems = check_message(message)
    return _text(problems[0]) if problems else None


def artifact_problems(sizes: Mapping[str, int]) -> list[tuple[str, Text]]:
    """(path, why) for each added file that is a model weight, a log or too large."""
    from mergecamp_hooks.no_artifacts import check_files

    found = []
    for path, size in sorted(sizes.items()):
        problems = check_files([path], size_of=lambda _p, size=size: size)
        if problems:
            found.append((path, _text(problems[0])))
    return found
