"""Commit messages: Conventional Commits, `type(scope)!: subject`.

Pure API (the sandbox engine and the PR review call it directly)::

    check_message(text, types=DEFAULT_TYPES, max_len=72, strip_comments=True)
        -> list[Problem]      # [] when fine
    parse_header(line) -> Header | None   # the parts of `type(scope)!: subject`

Merge, revert, `fixup!`, `squash!` and `amend!` messages pass (git or autosquash wrote
or will replace them); git's comment lines and everything under the scissors line are
ignored, as git itself does. The first line is counted in characters, so a Korean
subject of 40 syllables is 40, not 120 bytes.

As a hook (`mergecamp-commit-msg FILE`, or `python -m mergecamp_hooks.commit_msg FILE`
as git's commit-msg hook) it checks the message being written. With `--pre-push` it
checks every commit being pushed instead: from git's pre-push stdin, from pre-commit's
PRE_COMMIT_FROM_REF/TO_REF, or from an explicit `--range A..B` (handy in CI).
"""

from __future__ import annotations

import os
import re
import shlex
import sys
from collections.abc import Callable, Mapping, Sequence

from mergecamp_hooks import cli
from mergecamp_hooks.conventions import DEFAULT_TYPES, MAX_HEADER_CHARS
from mergecamp_hooks.message import clean_message, is_git_generated
from mergecamp_hooks.problem import Problem
from mergecamp_hooks.suggest import suggest_header

HOOK = "commit-msg"

_HEADER_RE = re.compile(
    r"^(?P<type>[^\s():!]+)(?:\((?P<scope>[^()]*)\))?(?P<bang>!)?:(?P<rest>.*)$"
)

#: Fills an empty subject in a suggested command.
PLACEHOLDER = "describe the change"


class Header(tuple):
    """The parts of a Conventional Commits first line: type, scope, breaking, subject."""

    __slots__ = ()

    def __new__(cls, type: str, scope: str | None, breaking: bool, subject: str) -> Header:
        return super().__new__(cls, (type, scope, breaking, subject))

    type = property(lambda self: self[0])
    scope = property(lambda self: self[1])
    breaking = property(lambda self: self[2])
    subject = property(lambda self: self[3])


def parse_header(line: str) -> Header | None:
    """`Header` when `line` has the shape `type(scope)!: subject` (any type), else None."""
    match = _HEADER_RE.match(line)
    if not match:
        return None
    rest = match["rest"]
    if not rest.startswith(" ") or rest[1:2].isspace():
        return None  # exactly one space after the colon
    scope = match["scope"]
    if scope is not None and (not scope or scope != scope.strip()):
        return None
    return Header(match["type"], scope, bool(match["bang"]), rest[1:])


def _commit_fix(suggestion: str, has_body: bool) -> str:
    """At commit time the commit does not exist yet: commit again with a good message."""
    if has_body:
        return "git commit -e -F .git/COMMIT_EDITMSG   # " + suggestion
    return f"git commit -m {shlex.quote(suggestion)}"


def check_message(
    text: str,
    types: Sequence[str] = DEFAULT_TYPES,
    max_len: int = MAX_HEADER_CHARS,
    strip_comments: bool = True,
    fix: Callable[[str, bool], str] = _commit_fix,
) -> list[Problem]:
    """Problems with commit message `text`; `fix(suggested_header, has_body)` words the fix."""
    lines = clean_message(text, strip_comments)
    params = {"types": cli.join_types(types), "limit": str(max_len)}
    if not lines:
        return [Problem("commit.empty", "", fix(f"chore: {PLACEHOLDER}", False), params)]
    header = lines[0]
    if is_git_generated(header):
        return []
    has_body = len(lines) > 1
    suggestion = suggest_header(header, types, max_len, PLACEHOLDER)
    command = fix(suggestion, has_body)
    problems = []
    parsed = parse_header(header)
    if parsed is None:
        loose = re.match(r"^\s*[^\s():!]+\s*(\([^()]*\))?\s*!?\s*:\s*$", header)
        code = "commit.subject-empty" if loose else "commit.format"
        problems.append(Problem(code, header, command, {**params, "prefix": header.strip()}))
    elif not parsed.subject.strip():
        prefix = header.rstrip()
        problems.append(
            Problem("commit.subject-empty", header, command, {**params, "prefix": prefix})
        )
    elif parsed.type not in types:
        problems.append(Problem("commit.type", header, command, {**params, "type": parsed.type}))
    if len(header) > max_len:
        length = {**params, "length": str(len(header))}
        problems.append(Problem("commit.too-long", header, command, length))
    if has_body and lines[1].strip():
        two = f"{lines[0]}\n{lines[1]}"
        blank = fix(suggestion, True)
        problems.append(Problem("commit.blank-line", two, blank, params))
    return problems


def _push_fix(sha: str, is_root: bool, tip: str) -> Callable[[str, bool], str]:
    """A pushed commit exists already: amend the tip, or reword an older one with rebase."""

    def fix(suggestion: str, has_body: bool) -> str:
        if sha == tip:
            if has_body:
                return "git commit --amend   # " + suggestion
            return f"git commit --amend -m {shlex.quote(suggestion)}"
        base = "--root" if is_root else f"{sha[:7]}~1"
        return f"git rebase -i {base}   # reword {sha[:7]}: {suggestion}"

    return fix


def _push_ranges(args_range: str | None, env: Mapping[str, str], remote: str) -> list[list[str]]:
    """The `git log` selections for this push (several when several refs are pushed)."""
    from mergecamp_hooks.gitutil import read_stdin
    from mergecamp_hooks.push import parse_stdin, revisions, revisions_from_pre_commit

    if args_range:
        return [[args_range]]
    from_pre_commit = revisions_from_pre_commit(env)
    if from_pre_commit:
        return [from_pre_commit]
    if sys.stdin is None or sys.stdin.isatty():
        raise cli.UsageError("--pre-push needs git's pre-push input on stdin, or --range A..B")
    try:
        pushed = parse_stdin(read_stdin())
    except ValueError as exc:
        raise cli.UsageError(str(exc)) from exc
    return [r for ref in pushed if (r := revisions(ref, remote))]


def check_push(
    ranges: Sequence[Sequence[str]], types: Sequence[str] = DEFAULT_TYPES
) -> list[Problem]:
    """Problems in every commit selected by `ranges`, each found line led by its short sha."""
    from mergecamp_hooks.push import commits  # git and subprocess only for pushes

    problems: list[Problem] = []
    seen: set[str] = set()
    for selection in ranges:
        found = commits(list(selection))
        tip = found[0].sha if found else ""
        for commit in found:
            if commit.sha in seen:
                continue
            seen.add(commit.sha)
            fix = _push_fix(commit.sha, not commit.parents, tip)
            for pr in check_message(commit.message, types, strip_comments=False, fix=fix):
                problems.append(Problem(pr.code, f"{commit.sha[:7]} {pr.found}", pr.fix, pr.params))
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `mergecamp-commit-msg`."""
    p = cli.parser("mergecamp-commit-msg", "Check commit messages against Conventional Commits.")
    p.add_argument("--pre-push", action="store_true", help="check the commits being pushed")
    p.add_argument("--range", help="with --pre-push: check the commits of `git log RANGE`")
    p.add_argument("git_args", nargs="*", help="the message file (commit-msg) or remote and url")
    args = p.parse_args(argv)

    def body() -> int:
        conf = cli.settings(args)
        pre_push = args.pre_push or args.range or len(args.git_args) == 2
        if pre_push:
            remote = args.git_args[0] if args.git_args else "origin"
            problems = check_push(_push_ranges(args.range, os.environ, remote), conf.types)
        else:
            if len(args.git_args) != 1:
                raise cli.UsageError("give the commit message file (git passes it to commit-msg)")
            try:
                with open(args.git_args[0], encoding="utf-8", errors="replace") as handle:
                    text = handle.read()
            except OSError as exc:
                raise cli.UsageError(f"cannot read the message file: {exc}") from exc
            problems = check_message(text, conf.types)
        return cli.verdict(problems, HOOK, conf.lang)

    return cli.run(HOOK, body)


if __name__ == "__main__":
    sys.exit(main())
