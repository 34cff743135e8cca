"""Scripted history for exercise setup: named people, a fixed clock, small edits, commits.

Why a fixed clock: a commit's hash covers its author and committer dates, so commits
made "now" differ on every run. Every scripted commit here takes its dates from a
``Clock`` that starts at a fixed instant and ticks a fixed step, so the same exercise
gives the same hashes on every machine (the tests compare two setups).

Commits are written with GitPython's index and ``Commit.create_from_tree`` rather than
``git commit``: no user config (gpg signing, hooksPath, templates) and no hooks can
change or block them.

Helpers used by the team track as well:

- ``Person(name, email)`` and the cast ``MINA``, ``JUN``, ``SORA``;
- ``Clock`` (``next()`` gives git's raw ``"<epoch> +0900"`` date);
- ``init_repo(path)``, ``commit_all(repo, message, author, clock)``,
  ``merge_commit(repo, message, other, author, clock)``;
- ``set_option(path, key, value)`` / ``read_option(text, key)`` for YAML configs (parsed
  and edited round trip by ``mergecamp.configs``); ``replace_line`` / ``write_text`` for
  other files.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import git


@dataclass(frozen=True)
class Person:
    """Someone who commits in an exercise's story."""

    name: str
    email: str

    def actor(self) -> git.Actor:
        import git

        return git.Actor(self.name, self.email)


MINA = Person("Mina Kang", "mina@sequence-lab.example")
JUN = Person("Jun Park", "jun@sequence-lab.example")
SORA = Person("Sora Lee", "sora@sequence-lab.example")
# Commits the story makes "as the learner" (before they arrive) use this one.
YOU = Person("You", "you@sequence-lab.example")

# 2024-03-04 09:00:00 KST: a Monday morning, the week the team starts.
_EPOCH = 1709510400
_TZ = "+0900"


class Clock:
    """A deterministic clock: every ``next()`` is ``step`` seconds after the previous."""

    def __init__(self, start: int = _EPOCH, step: int = 47 * 60) -> None:
        self._now = start
        self._step = step

    def next(self) -> str:
        self._now += self._step
        return f"{self._now} {_TZ}"


def init_repo(path: Path, branch: str = "main") -> git.Repo:
    """A fresh non-bare repository whose unborn HEAD points at ``branch``.

    Local config pins what would otherwise vary by machine and spoil the lesson
    (line-ending conversion, a global default branch name).
    """
    import git

    repo = git.Repo.init(path)
    repo.git.symbolic_ref("HEAD", f"refs/heads/{branch}")
    with repo.config_writer() as cfg:
        cfg.set_value("core", "autocrlf", "false")
        cfg.set_value("core", "filemode", "true")
    return repo


def commit_all(
    repo: git.Repo,
    message: str,
    author: Person,
    clock: Clock,
    *,
    parents: list[git.Commit] | None = None,
) -> git.Commit:
    """Stage everything in the work tree (deletions too) and commit it on HEAD.

    ``parents`` overrides the parents (for scripted merges); by default HEAD's commit,
    or none on an unborn branch.
    """
    repo.git.add("--all")
    date = clock.next()
    actor = author.actor()
    head_parents = [] if not repo.head.is_valid() else [repo.head.commit]
    return repo.index.commit(
        message,
        parent_commits=parents if parents is not None else head_parents,
        author=actor,
        committer=actor,
        author_date=date,
        commit_date=date,
        skip_hooks=True,
    )


def checkout(repo: git.Repo, branch: str, *, create_from: str | None = None) -> None:
    """Switch to ``branch`` (creating it at ``create_from`` if given), quietly."""
    if create_from is not None:
        repo.git.checkout("-q", "-b", branch, create_from)
    else:
        repo.git.checkout("-q", branch)


def read_option(text: str | None, key: str) -> str | None:
    """The value of config option ``key`` (parsed, see ``mergecamp.configs``)."""
    from mergecamp import configs

    return configs.read_option(text, key)


def set_option(path: Path, key: str, value: str) -> None:
    """Set config option ``key`` to ``value``, a round-trip YAML edit (comments kept)."""
    from mergecamp import configs

    configs.set_option(path, key, value)


def replace_line(path: Path, old: str, new: str) -> None:
    """Replace the one line equal to ``old`` (stripped) with ``new``, keeping its indent."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.strip() == old.strip():
            indent = line[: len(line) - len(line.lstrip())]
            lines[i] = indent + new.strip() + "\n"
            path.write_text("".join(lines), encoding="utf-8")
            return
    raise LookupError(f"{path.name} has no line {old!r}")


def append_text(path: Path, text: str) -> None:
    """Append ``text`` to a file (created if missing)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as fh:
        fh.write(text)
