"""Scripted teammates: named people who commit in their own clone and push to origin.

A teammate acts at two kinds of moment:

- at setup, before the learner arrives (``Teammate.commit_and_push``);
- during the exercise, through a ``TeamEvent``: a condition on origin plus an action,
  fired at most once. Events are fired by :func:`tick`, which runs

  1. from the learner's ``reference-transaction`` git hook (installed by
     :func:`install_push_hook`). Git has no post-push hook, but a successful push
     updates the learner's remote-tracking ref (``refs/remotes/origin/...``) after the
     server accepted it, and that update runs ``reference-transaction committed``.
     The hook only calls Python when such a ref moved, so ordinary commits stay fast;
     a ``git fetch`` also moves them, which is harmless because the events' conditions
     look at what origin holds (for example "the learner's branch is on origin"), not
     at which command ran;
  2. from the learner's next mergecamp command (``check``, ``pr ...``), as a fallback
     for a learner whose hooks did not run (``--no-verify`` does not skip this hook;
     a global ``core.hooksPath`` does not either, as every exercise repository pins its
     own, but one the learner sets in the repository would).

Which events have fired is recorded in ``origin.git/mergecamp/events.json``, so each
happens once and the order is always the same: the same commits, the same hashes.
"""

from __future__ import annotations

import json
import shlex
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mergecamp.gitcmd import git
from mergecamp.scripting import Clock, Person, commit_all
from mergecamp.team.origin import clone, meta_dir


@dataclass(frozen=True)
class Teammate:
    """A person with a clone of origin in the team folder (``<team_dir>/<folder>``)."""

    person: Person
    folder: str

    def path(self, team_dir: Path) -> Path:
        return team_dir / self.folder

    def ensure_clone(self, team_dir: Path) -> Path:
        """The teammate's clone, made on first use, synced with origin's ``main``."""
        path = self.path(team_dir)
        if not (path / ".git").is_dir():
            clone(team_dir / "origin.git", path, self.person.name, self.person.email)
        else:
            git(path, "fetch", "--quiet", "origin")
        return path

    def commit_and_push(
        self,
        team_dir: Path,
        branch: str,
        edits: Callable[[Path], None],
        message: str,
        clock: Clock,
        *,
        push: bool = True,
    ) -> str:
        """Check out ``branch`` at origin's tip, apply ``edits(worktree)``, commit, push.

        Returns the new commit's sha.
        """
        import git as gitpython

        path = self.ensure_clone(team_dir)
        remote_has = git(path, "ls-remote", "--heads", "origin", branch)
        start = f"origin/{branch}" if remote_has else "origin/main"
        git(path, "checkout", "--quiet", "-B", branch, start)
        edits(path)
        commit = commit_all(gitpython.Repo(path), message, self.person, clock)
        if push:
            git(path, "push", "--quiet", "origin", f"HEAD:refs/heads/{branch}")
        return commit.hexsha

    def land(
        self,
        team_dir: Path,
        branch: str,
        edits: Callable[[Path], None],
        message: str,
        clock: Clock,
        *,
        body: str = "Scripted team change.",
    ) -> str:
        """Bring a change to main the team's way: a branch, a PR, a merge, the branch
        deleted (main is protected: teammates never push to it). Returns the change's sha.

        The teammate's PR is reviewed without CI (the scripted change is known good) and
        merged with the story's clock, so its merge commit has the same hash every time.
        """
        from mergecamp.team import pull_requests

        sha = self.commit_and_push(team_dir, branch, edits, message, clock)
        origin = team_dir / "origin.git"
        who = (self.person.name, self.person.email)
        pull_requests.open_pr(origin, branch, message, self.person.name, with_ci=False, body=body)
        pull_requests.merge(
            origin, branch, who, "merge", with_ci=False, delete_branch=True, date=clock.next()
        )
        git(self.path(team_dir), "fetch", "--quiet", "--prune", "origin")
        return sha


@dataclass(frozen=True)
class TeamEvent:
    """Something a teammate does once, as soon as ``ready(team_dir)`` holds."""

    id: str
    ready: Callable[[Path], bool]
    act: Callable[[Path], None]


def learner_branch_pushed(team_dir: Path) -> bool:
    """A team event's condition: origin has a branch, other than main, with commits main
    does not have (the learner's pushed work)."""
    from mergecamp.gitread import GitReader

    origin = GitReader(team_dir / "origin.git")
    heads = origin.branches()
    main = heads.get("main", "")
    return any(n != "main" and not origin.is_ancestor(sha, main) for n, sha in heads.items())


def _events_file(team_dir: Path) -> Path:
    return meta_dir(team_dir / "origin.git") / "events.json"


def fired(team_dir: Path) -> list[str]:
    path = _events_file(team_dir)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [str(x) for x in data] if isinstance(data, list) else []


def tick(team_dir: Path, events: tuple[TeamEvent, ...]) -> list[str]:
    """Fire every event whose time has come; return the ids fired now."""
    if not (team_dir / "origin.git" / "refs").is_dir():
        return []  # no (usable) origin: the checks say so, the team stays still
    done = fired(team_dir)
    now = []
    for event in events:
        if event.id in done or not event.ready(team_dir):
            continue
        event.act(team_dir)
        done.append(event.id)
        now.append(event.id)
        _events_file(team_dir).write_text(json.dumps(done), encoding="utf-8")
    return now


def tick_exercise(exercise_id: str, learner_root: Path) -> list[str]:
    """Fire the team events of ``exercise_id`` (``Exercise.team_events``)."""
    from mergecamp import tracks

    if exercise_id not in tracks.all_ids():
        return []
    events = tracks.load(exercise_id).team_events
    if not events:
        return []
    team_dir = learner_root.parent / f"{exercise_id}-team"
    from mergecamp.marker import read_marker

    mark = read_marker(team_dir)
    if mark is None or mark.kind != "team" or mark.path != str(team_dir):
        return []  # not the team folder mergecamp built here (a copy, someone else's)
    return tick(team_dir, events)


_HOOK = """#!/bin/sh
# mergecamp: after your push lands on origin, a teammate may react (see mergecamp.team.teammates).
[ "$1" = committed ] || exit 0
grep -q ' refs/remotes/origin/' || exit 0
{python} -m mergecamp.team.tick {exercise} "$PWD" </dev/null >/dev/null 2>&1
exit 0
"""


def install_push_hook(repo_root: Path, exercise_id: str) -> None:
    """Install the ``reference-transaction`` hook that lets teammates react to a push."""
    hooks = repo_root / ".git" / "hooks"
    hooks.mkdir(parents=True, exist_ok=True)
    hook = hooks / "reference-transaction"
    hook.write_text(
        _HOOK.format(python=shlex.quote(sys.executable), exercise=shlex.quote(exercise_id)),
        encoding="utf-8",
    )
    hook.chmod(hook.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
