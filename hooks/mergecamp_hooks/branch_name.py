"""Branch names: `main` (the default branch) or `<type>/<topic>`, and no commits on main.

Pure API (the sandbox engine and the PR review call it directly)::

    check_branch(name, default_branch="main", types=DEFAULT_TYPES, committing=False)
        -> list[Problem]      # [] when fine; name None means detached HEAD (fine)
    suggest_branch(name, types=DEFAULT_TYPES) -> str   # a valid name close to `name`

As a hook (`mergecamp-branch-name` or `python -m mergecamp_hooks.branch_name`):

- pre-commit: git is committing (it sets GIT_INDEX_FILE), so the current branch must be
  well named and must not be the default branch, unless a merge is being concluded.
  Run by hand (`pre-commit run`), only the name is checked; in CI the name comes from
  GITHUB_HEAD_REF / CI_MERGE_REQUEST_SOURCE_BRANCH_NAME (see ci.py), so CI on main passes.
- pre-push: the names of the branches being pushed (git's stdin, or pre-commit's
  PRE_COMMIT_LOCAL_BRANCH / PRE_COMMIT_REMOTE_BRANCH).
- post-checkout: advice only, never blocking, when you switch to a badly named branch.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping, Sequence

from mergecamp_hooks import cli
from mergecamp_hooks.ci import ci_branch
from mergecamp_hooks.conventions import BRANCH_RE, DEFAULT_TYPES, TOPIC_RE
from mergecamp_hooks.gitutil import current_branch, git_dir, read_stdin, staged_files
from mergecamp_hooks.problem import Problem, render, shell_word
from mergecamp_hooks.push import parse_stdin

HOOK = "branch-name"

#: Prefixes people type out of habit, mapped to the team's short types.
TYPE_SYNONYMS = {
    "feature": "feat",
    "features": "feat",
    "bug": "fix",
    "bugfix": "fix",
    "bugs": "fix",
    "experiment": "exp",
    "experiments": "exp",
    "doc": "docs",
    "tests": "test",
    "refactoring": "refactor",
    "chores": "chore",
}


def _slug(text: str) -> str:
    """Lowercase ascii words joined by `-`; anything else (spaces, Korean, `/`) drops out."""
    words = re.findall(r"[a-z0-9]+(?:[._][a-z0-9]+)*", text.lower())
    return "-".join(words)


def _known_type(word: str, types: Sequence[str]) -> str | None:
    word = word.lower()
    if word in types:
        return word
    mapped = TYPE_SYNONYMS.get(word)
    return mapped if mapped in types else None


def suggest_branch(name: str, types: Sequence[str] = DEFAULT_TYPES) -> str:
    """A valid `<type>/<topic>` close to `name`, used in the fix command."""
    fallback_type = "feat" if "feat" in types else types[0]
    head, sep, rest = name.partition("/")
    kind = _known_type(head, types) if sep else None
    if kind:
        topic = _slug(rest)
    else:
        words = _slug(name).split("-")
        kind = _known_type(words[0], types) if len(words) > 1 else None
        topic = "-".join(words[1:]) if kind else "-".join(words)
        kind = kind or fallback_type
    return f"{kind}/{topic or 'my-change'}"


def check_branch(
    name: str | None,
    default_branch: str = "main",
    types: Sequence[str] = DEFAULT_TYPES,
    committing: bool = False,
    topic_hint: str = "my-change",
) -> list[Problem]:
    """Problems with branch `name`; `committing` adds the "not on the default branch" rule."""
    if name is None:
        return []  # detached HEAD: rebase, bisect, CI checkouts
    params = {"branch": name, "types": cli.join_types(types)}
    if name == default_branch:
        if not committing:
            return []
        kind = "feat" if "feat" in types else types[0]
        fix = f"git switch -c {kind}/{topic_hint}"
        return [Problem("branch.on-default", found=name, fix=fix, params=params)]
    match = BRANCH_RE.match(name)
    if match and match["type"] in types and TOPIC_RE.match(match["topic"]):
        return []
    fix = f"git branch -m {shell_word(name)} {suggest_branch(name, types)}"
    if match and TOPIC_RE.match(match["type"]) and match["type"] not in types:
        return [Problem("branch.type", name, fix, {**params, "type": match["type"]})]
    return [Problem("branch.name", found=name, fix=fix, params=params)]


def _topic_from_staged() -> str:
    """A topic for the suggested branch, from the first staged file's name."""
    try:
        files = staged_files()
    except Exception:  # a hint only: never fail the hook over it
        return "my-change"
    stems = [_slug(path.rsplit("/", 1)[-1].split(".", 1)[0]) for path in files]
    return next((stem for stem in stems if stem), "my-change")


def _merging() -> bool:
    """Concluding a merge (after fixing a conflict) is how the default branch changes."""
    return os.path.exists(os.path.join(git_dir(), "MERGE_HEAD"))


def _pushed_names(positional: Sequence[str], env: Mapping[str, str]) -> list[str]:
    """Branch names being pushed, local and remote side, without duplicates."""
    if env.get("PRE_COMMIT_REMOTE_NAME"):
        refs = [env.get("PRE_COMMIT_LOCAL_BRANCH", ""), env.get("PRE_COMMIT_REMOTE_BRANCH", "")]
    else:
        try:
            pushed = parse_stdin(read_stdin())
        except ValueError as exc:
            raise cli.UsageError(str(exc)) from exc
        refs = [r for p in pushed if not p.deleting for r in (p.local_ref, p.remote_ref)]
    names = [r.removeprefix("refs/heads/") for r in refs if r.startswith("refs/heads/")]
    return list(dict.fromkeys(names))


def _mode(hook: str | None, positional: Sequence[str], env: Mapping[str, str]) -> str:
    """Which git hook we are running as, when not told explicitly."""
    if hook:
        return hook
    if env.get("PRE_COMMIT_CHECKOUT_TYPE") or len(positional) == 3:
        return "post-checkout"
    if env.get("PRE_COMMIT_REMOTE_NAME") or len(positional) == 2:
        return "pre-push"
    return "pre-commit"


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `mergecamp-branch-name`."""
    p = cli.parser("mergecamp-branch-name", "Check the branch name against the team rule.")
    p.add_argument("--hook", choices=("pre-commit", "pre-push", "post-checkout"))
    p.add_argument("git_args", nargs="*", help="arguments git passes to the hook, if any")
    args = p.parse_args(argv)

    def body() -> int:
        conf = cli.settings(args)
        env = os.environ
        mode = _mode(args.hook, args.git_args, env)

        def check(name: str | None, committing: bool = False, hint: str = "my-change"):
            return check_branch(name, conf.default_branch, conf.types, committing, hint)

        if mode == "post-checkout":
            flag = env.get("PRE_COMMIT_CHECKOUT_TYPE") or (args.git_args[2:3] or ["1"])[0]
            problems = check(current_branch()) if flag == "1" else []
            if problems:
                print(render(problems, HOOK, conf.lang, advice=True), file=sys.stderr)
            return 0
        if mode == "pre-push":
            problems = [pr for name in _pushed_names(args.git_args, env) for pr in check(name)]
        elif "GIT_INDEX_FILE" in env:  # git commit is running us
            name = current_branch()
            committing = name == conf.default_branch and not _merging()
            hint = _topic_from_staged() if committing else "my-change"
            problems = check(name, committing, hint)
        else:
            in_ci, name = ci_branch(env)
            problems = check(name if in_ci else current_branch())
        return cli.verdict(problems, HOOK, conf.lang)

    return cli.run(HOOK, body)


if __name__ == "__main__":
    sys.exit(main())
