"""One typed, read-only view of a git repository, for every check in both tracks.

Why not GitPython: ``mergecamp check`` runs as a fresh process after every learner
command, and importing GitPython (plus the ``git version`` calls it makes) costs more
than a check's own work. Setup keeps using GitPython: it writes history, once per
``start``.

Why one reader: the learner's working tree, a teammate's clone and the team's bare
``origin.git`` are read the same way, so a check written for one track reads the other
with the same words. Every question is a method with a typed answer; nothing is
forwarded to git by attribute name. Commits are plain values (``Commit``), parsed from
the raw objects that one long-running ``git cat-file --batch`` serves.
"""

from __future__ import annotations

import contextlib
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from mergecamp.gitcmd import clean_env


class GitError(Exception):
    """A git command failed, or the path is not a repository."""

    def __init__(self, args: list[str], status: int, stderr: str) -> None:
        super().__init__(f"git {' '.join(args)} failed ({status}): {stderr.strip()}")
        self.status = status
        self.stderr = stderr


@dataclass(frozen=True)
class Commit:
    """One commit as checks need it: shas are hex strings, ``parents`` in order."""

    sha: str
    tree: str
    parents: tuple[str, ...]
    author_name: str
    author_email: str
    message: str

    @property
    def subject(self) -> str:
        """The first line of the message (empty for an empty message)."""
        text = self.message.strip()
        return text.split("\n", 1)[0].strip() if text else ""

    @property
    def is_merge(self) -> bool:
        return len(self.parents) > 1


@dataclass(frozen=True)
class RefLogEntry:
    old: str
    new: str
    message: str


def _env() -> dict[str, str]:
    # Output is parsed, never shown: fixed language, no pager, no user config surprises.
    return clean_env({"LANGUAGE": "C", "LC_ALL": "C"})


def _decode(raw: bytes) -> str:
    return raw.decode("utf-8", "surrogateescape")


def parse_commit(sha: str, raw: bytes) -> Commit:
    """A ``Commit`` from a raw commit object's bytes."""
    head, _, body = raw.partition(b"\n\n")
    tree, parents, encoding = "", [], "utf-8"
    author_name = author_email = ""
    for line in head.split(b"\n"):
        if line.startswith(b"tree "):
            tree = line[5:].decode("ascii", "replace")
        elif line.startswith(b"parent "):
            parents.append(line[7:].decode("ascii", "replace"))
        elif line.startswith(b"author "):
            who = line[7:].rsplit(b">", 1)[0]
            name, _, email = who.partition(b" <")
            author_name = name.decode("utf-8", "replace")
            author_email = email.decode("utf-8", "replace")
        elif line.startswith(b"encoding "):
            encoding = line[9:].decode("ascii", "replace")
    try:  # whatever a commit claims as its encoding, decoding never fails
        message = body.decode(encoding, "replace")
    except (LookupError, ValueError, TypeError):
        message = body.decode("utf-8", "replace")
    return Commit(sha, tree, tuple(parents), author_name, author_email, message)


class GitReader:
    """Read-only questions about the repository at ``path`` (a working tree or bare)."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        if (self.path / ".git").exists():
            self.git_dir: Path = self.path / ".git"
            self.worktree: Path | None = self.path
        elif (self.path / "HEAD").is_file() and (self.path / "objects").is_dir():
            self.git_dir, self.worktree = self.path, None
        else:
            raise GitError(["rev-parse"], 128, f"{self.path} is not a git repository")
        self._batch: subprocess.Popen[bytes] | None = None
        self._commits: dict[str, Commit] = {}

    # --- running git ------------------------------------------------------------

    def _proc(self, args: tuple[str, ...]) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            ["git", *args],
            cwd=self.path,
            env=_env(),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            check=False,
        )

    def run_bytes(self, *args: str) -> bytes:
        """stdout of a read-only git command; ``GitError`` on a non-zero exit."""
        proc = self._proc(args)
        if proc.returncode != 0:
            raise GitError(list(args), proc.returncode, proc.stderr.decode(errors="replace"))
        return proc.stdout

    def run(self, *args: str) -> str:
        """stdout as text, without its last newline."""
        out = _decode(self.run_bytes(*args))
        return out[:-1] if out.endswith("\n") else out

    def ok(self, *args: str) -> bool:
        """Did the command exit 0?"""
        return self._proc(args).returncode == 0

    def object(self, name: str) -> tuple[str, str, bytes] | None:
        """(sha, type, content) of the object ``name`` names, or None; served by one
        ``cat-file --batch`` process for the reader's whole life."""
        if "\n" in name:
            return None
        if self._batch is None or self._batch.poll() is not None:
            self._batch = subprocess.Popen(
                ["git", "cat-file", "--batch"],
                cwd=self.path,
                env=_env(),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        assert self._batch.stdin is not None and self._batch.stdout is not None
        self._batch.stdin.write(name.encode("utf-8", "surrogateescape") + b"\n")
        self._batch.stdin.flush()
        header = self._batch.stdout.readline().decode(errors="replace").split()
        if len(header) != 3:  # "<name> missing" / "ambiguous"
            return None
        data = self._batch.stdout.read(int(header[2]) + 1)[:-1]
        return header[0], header[1], data

    def close(self) -> None:
        if self._batch is not None:
            for stream in (self._batch.stdin, self._batch.stdout):
                if stream is not None:
                    stream.close()
            self._batch.wait()
            self._batch = None

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
            self.close()

    # --- refs and commits ---------------------------------------------------------

    def commit(self, rev: str) -> Commit:
        """The commit ``rev`` names (branch, tag, sha, ``main~2``); ``KeyError`` if none."""
        if rev in self._commits:  # only full shas are kept: names move, objects do not
            return self._commits[rev]
        found = self.object(f"{rev}^{{commit}}")
        if found is None or found[1] != "commit":
            raise KeyError(rev)
        commit = parse_commit(found[0], found[2])
        self._commits[commit.sha] = commit
        return commit

    def ref(self, name: str) -> str | None:
        """The sha of the commit ``name`` names, or None when it names none."""
        try:
            return self.commit(name).sha
        except KeyError:
            return None

    def head_branch(self) -> str | None:
        """The branch HEAD is on (without ``refs/heads/``), None when detached."""
        proc = self._proc(("symbolic-ref", "--quiet", "HEAD"))
        name = _decode(proc.stdout).strip() if proc.returncode == 0 else ""
        return name.removeprefix("refs/heads/") if name.startswith("refs/heads/") else None

    def config(self, key: str) -> str | None:
        """A git config value of this repository (``branch.x.remote``), or None."""
        proc = self._proc(("config", "--get", key))
        return _decode(proc.stdout).strip() if proc.returncode == 0 else None

    def branches(self) -> dict[str, str]:
        """Local branch name → commit sha."""
        heads = self.refs("refs/heads")
        return {ref.removeprefix("refs/heads/"): sha for ref, sha in heads.items()}

    def refs(self, *prefixes: str) -> dict[str, str]:
        """Full ref name → the object it names (an annotated tag's own object, unpeeled),
        for the refs under ``prefixes`` (``refs/heads``, ``refs/tags``…)."""
        out = self.run("for-each-ref", "--format=%(objectname) %(refname)", *prefixes)
        found = {}
        for line in out.split("\n"):  # not splitlines(): a name may hold U+0085 or U+2028
            sha, _, ref = line.partition(" ")
            if ref:
                found[ref] = sha
        return found

    def tags(self) -> dict[str, str]:
        """Tag name → the commit it points at (annotated tags peeled)."""
        out = self.run(
            "for-each-ref", "--format=%(objectname) %(*objectname) %(refname)", "refs/tags"
        )
        tags = {}
        for line in out.split("\n"):
            sha, peeled, ref = [*line.split(" ", 2), "", ""][:3]
            if ref:
                tags[ref.removeprefix("refs/tags/")] = peeled or sha
        return tags

    def refs_containing(self, sha: str, prefix: str = "refs/heads") -> list[str]:
        """Full names of the refs under ``prefix`` whose history holds ``sha``."""
        out = self.run("for-each-ref", "--format=%(refname)", "--contains", sha, prefix)
        return [line for line in out.split("\n") if line]

    def log(self, rev_range: str, *paths: str, first_parent: bool = False) -> list[Commit]:
        """Commits of ``rev_range`` (``a..b`` or a rev), newest first, optionally only those
        touching ``paths``; an empty list when a rev does not exist."""
        args = ["rev-list", *(["--first-parent"] if first_parent else []), rev_range, "--"]
        proc = self._proc((*args, *paths))
        if proc.returncode != 0:
            return []
        return [self.commit(sha) for sha in proc.stdout.decode().split()]

    def is_ancestor(self, older: str, newer: str) -> bool:
        """Is ``older`` reachable from ``newer`` (or the same commit)? False when either
        is missing."""
        return self.ok("merge-base", "--is-ancestor", older, newer)

    def merge_base(self, a: str, b: str) -> str | None:
        proc = self._proc(("merge-base", a, b))
        return proc.stdout.decode().split()[0] if proc.returncode == 0 else None

    def reflog(self, ref: str = "HEAD") -> list[RefLogEntry]:
        """A ref's reflog, oldest first, read from ``logs/<ref>`` (empty when none)."""
        try:
            raw = (self.git_dir / "logs" / ref).read_bytes()
        except OSError:
            return []
        entries = []
        for line in raw.decode("utf-8", "replace").split("\n"):  # a message may hold U+2028
            info, _, message = line.partition("\t")
            parts = info.split(" ", 2)
            if len(parts) == 3:
                entries.append(RefLogEntry(parts[0], parts[1], message))
        return entries

    # --- files ------------------------------------------------------------------

    def read(self, rev: str, path: str) -> bytes | None:
        """The content of ``path`` at ``rev``, or None when either is missing."""
        found = self.object(f"{rev}:{path}")
        return found[2] if found is not None and found[1] == "blob" else None

    def read_text(self, rev: str, path: str) -> str | None:
        data = self.read(rev, path)
        return None if data is None else data.decode("utf-8", "replace")

    def files(self, rev: str) -> list[str]:
        """Every file path in ``rev``'s tree."""
        out = self.run_bytes("ls-tree", "-r", "-z", "--name-only", rev)
        return [_decode(p) for p in out.split(b"\0") if p]

    def changed_paths(self, a: str, b: str) -> set[str]:
        """Paths whose content differs between two revisions (empty when one is missing)."""
        proc = self._proc(("diff", "--no-renames", "--name-only", "-z", a, b, "--"))
        if proc.returncode != 0:
            return set()
        return {_decode(p) for p in proc.stdout.split(b"\0") if p}

    def commit_paths(self, commit: Commit) -> set[str]:
        """Paths a commit changed against its first parent (all paths for a root commit)."""
        if not commit.parents:
            return set(self.files(commit.sha))
        return self.changed_paths(commit.parents[0], commit.sha)

    def archive(self, stream: IO[bytes], rev: str) -> None:
        """``rev``'s tree as a tar stream."""
        stream.write(self.run_bytes("archive", "--format=tar", rev))
