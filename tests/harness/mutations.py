"""Generic wrong answers: mutations that make sense for many exercises, applied to each
one where they do, without being listed per exercise.

Each names the step and the message id that must catch it. They run right after
`start`, in the learner's repository; commits go on a scratch branch (a new branch is
always allowed), so only the mutation itself can be what fails, and with `--no-verify`,
so an exercise's own conventions hooks cannot stop them first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from mergecamp.exercise import Exercise

SCRATCH = "git stash -q -u 2>/dev/null; git switch -q -c scratch/mutation"
COMMIT = "git commit -q --no-verify -am"


@dataclass(frozen=True)
class Mutation:
    name: str
    step: str
    code: str
    applies: Callable[[Exercise], bool]
    script: Callable[[Exercise], str]
    # A push the team's origin refuses where it protects main (``team.protection``): the
    # server stops it, nothing changes, so the harness asserts the refusal (its message,
    # origin's main unmoved) instead of a step. Where main is left open (revert-pushed),
    # ``step`` and ``code`` still apply.
    refused_by_server: bool = False


def _has_repo(exercise: Exercise) -> bool:
    """The learner's folder is a repository right after `start` (clone-and-push starts
    with an empty folder: the learner clones)."""
    return "clone" not in exercise.tags


def _local_merges(exercise: Exercise) -> list[tuple[str, str]]:
    return [
        (r.removeprefix("refs/heads/"), m.removeprefix("refs/heads/"))
        for r, m in exercise.merges
        if r.startswith("refs/heads/") and m.startswith("refs/heads/")
    ]


def _changeable(exercise: Exercise, ref: str) -> bool:
    import fnmatch

    return any(fnmatch.fnmatch(ref, p) for p in (*exercise.may_change, *exercise.may_rewrite))


def _mirror(exercise: Exercise) -> str:
    receiving, merged = _local_merges(exercise)[0]
    return (
        "git stash -q -u 2>/dev/null; "
        f"git switch -q {merged} && (git merge -q --no-edit -X theirs {receiving} || true) && "
        f"git switch -q {receiving} && git merge -q --ff-only {merged}"
    )


def _merge_with(option: str) -> Callable[[Exercise], str]:
    def script(exercise: Exercise) -> str:
        receiving, merged = _local_merges(exercise)[0]
        return (
            "git stash -q -u 2>/dev/null; "
            f"git switch -q {receiving} && git merge -q --no-edit {option} {merged}"
        )

    return script


def _conflicts(exercise: Exercise) -> bool:
    """-X ours / -X theirs only differ from a plain merge where the merge conflicts."""
    return bool(_local_merges(exercise)) and "conflict" in exercise.tags


MUTATIONS: tuple[Mutation, ...] = (
    Mutation(
        "mirror-image-merge",
        "invariant:merge-direction",
        "merge-direction",
        lambda e: bool(_local_merges(e)),
        _mirror,
    ),
    Mutation(
        "merge-s-ours",
        "invariant:merge-direction",
        "merge-dropped-side",
        lambda e: bool(_local_merges(e)),
        _merge_with("-s ours"),
    ),
    Mutation(
        "merge-X-ours",
        "invariant:merge-direction",
        "merge-dropped-side",
        _conflicts,
        _merge_with("-X ours"),
    ),
    Mutation(
        "merge-X-theirs",
        "invariant:merge-direction",
        "merge-dropped-side",
        _conflicts,
        _merge_with("-X theirs"),
    ),
    Mutation(
        "reset-hard-main",
        "invariant:protected-branches",
        "protected-branch-moved",
        lambda e: _has_repo(e) and not _changeable(e, "refs/heads/main"),
        # Back one commit; where main is a single commit, onto an unrelated one.
        lambda e: (
            "if git rev-parse -q --verify main~1 >/dev/null; "
            "then git update-ref refs/heads/main main~1; "
            "else git update-ref refs/heads/main "
            "$(git commit-tree -m 'chore: redo' 'main^{tree}'); fi"
        ),
    ),
    Mutation(
        "commit-conflict-markers",
        "invariant:conflict-markers",
        "conflict-markers",
        _has_repo,
        lambda e: (
            f"{SCRATCH} && printf '<<<<<<< HEAD\\nours\\n=======\\ntheirs\\n"
            f">>>>>>> main\\n' >> README.md && {COMMIT} 'docs: notes'"
        ),
    ),
    Mutation(
        "duplicate-yaml-key",
        "invariant:configs-parsed",
        "config-duplicate-key",
        _has_repo,
        lambda e: (
            f"{SCRATCH} && printf 'model: {{}}\\n' >> configs/default.yaml && "
            f"{COMMIT} 'chore(config): more'"
        ),
    ),
    Mutation(
        "delete-the-hooks",
        "invariant:hooks-intact",
        "hook-changed",
        _has_repo,
        lambda e: "rm -f .git/hooks/post-commit .git/hooks/commit-msg .git/hooks/pre-commit",
    ),
    Mutation(
        "commit-no-verify",
        "invariant:hooks-intact",
        "hook-skipped",
        lambda e: "hooks" in e.tags,
        lambda e: f"{SCRATCH} && git commit -q --no-verify --allow-empty -m 'feat: skip hooks'",
    ),
    Mutation(
        "force-push-main",
        "invariant:protected-branches",
        "branch-rewritten",
        lambda e: (
            bool(e.team_folder) and _has_repo(e) and not _changeable(e, "refs/remotes/origin/main")
        ),
        # origin's main as origin has it now (the clone's origin/main may be stale), back
        # one commit; where main is one commit, onto an unrelated one.
        lambda e: (
            "git fetch -q origin main && base=$(git rev-parse -q --verify 'FETCH_HEAD~1' "
            "|| git commit-tree -m 'chore: redo' 'FETCH_HEAD^{tree}') && "
            'git push -q -f --no-verify origin "$base:refs/heads/main"'
        ),
        refused_by_server=True,
    ),
    Mutation(
        "push-straight-to-main",
        "invariant:protected-branches",
        "protected-branch-moved",
        lambda e: (
            bool(e.team_folder) and _has_repo(e) and not _changeable(e, "refs/remotes/origin/main")
        ),
        lambda e: (
            "git stash -q -u 2>/dev/null; git fetch -q origin main && "
            "git switch -q --detach FETCH_HEAD && "
            "git commit -q --no-verify --allow-empty -m 'chore: straight to main' && "
            "git push -q --no-verify origin HEAD:main"
        ),
        refused_by_server=True,
    ),
)
