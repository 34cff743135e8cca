"""A small read-only view of a git repository for checks, without importing GitPython.

Why: ``mergecamp check`` runs as a fresh process after every learner command, and
importing GitPython (plus the ``git version`` calls it makes at import) costs more than
all of a check's own work. Checks only *read* a repository, so ``Scene.repo`` hands them
this view: the subset of GitPython's ``Repo`` / ``Commit`` / ``Tree`` interface that
``mergecamp.checks`` and the exercises' checks use, with the same meaning, answered by
git itself (``git cat-file --batch``, ``rev-list``, ``for-each-ref``, ``diff-tree``).

Setup keeps using GitPython: it writes history, and it runs once per ``start``.
"""

from __future__ import annotations

import contextlib
import io
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from mergecamp.gitcmd import clean_env


class GitError(Exception):
    """A git command failed (GitPython's ``GitCommandError`` plays this part there)."""

    def __init__(self, args: list[str], status: int, stderr: str) -> None:
        super().__init__(f"git {' '.join(args)} failed ({status}): {stderr.strip()}")
        self.status = status
        self.stderr = stderr


def _env() -> dict[str, str]:
    # As GitPython runs git: messages are parsed, never shown.
    return clean_env({"LANGUAGE": "C", "LC_ALL": "C"})


def _dashify(name: str) -> str:
    return name.replace("_", "-")


class _GitCommands:
    """``repo.git.merge_base("--is-ancestor", a, b)`` runs ``git merge-base …``.

    Like GitPython: stdout without its last newline; ``GitError`` on a non-zero exit.
    """

    def __init__(self, repo: Repo) -> None:
        self._repo = repo

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)

        def call(*args: str, **flags: object) -> str:
            opts: list[str] = []
            for key, value in flags.items():
                if value is None or value is False:
                    continue
                flag = f"-{key}" if len(key) == 1 else f"--{_dashify(key)}"
                opts.append(flag if value is True else f"{flag}={value}")
            return self._repo._run(_dashify(name), *opts, *map(str, args))

        return call


class Blob:
    def __init__(self, data: bytes, path: str) -> None:
        self.path = path
        self.type = "blob"
        self._data = data

    @property
    def data_stream(self) -> IO[bytes]:
        return io.BytesIO(self._data)


class Tree:
    """A commit's tree: ``tree / "configs/default.yaml"`` is that file's blob."""

    def __init__(self, repo: Repo, hexsha: str) -> None:
        self.repo = repo
        self.hexsha = hexsha
        self.binsha = bytes.fromhex(hexsha)
        self.type = "tree"

    def __truediv__(self, path: str) -> Blob:
        kind, data = self.repo._object(f"{self.hexsha}:{path}")
        if kind != "blob":
            raise KeyError(f"no blob {path!r} in tree {self.hexsha}")
        return Blob(data, path)

    def traverse(self) -> Iterator[Blob | Tree]:
        """Every entry below this tree (as GitPython's ``traverse``: trees and blobs)."""
        out = self.repo._run_bytes("ls-tree", "-r", "-t", "-z", self.hexsha)
        for record in out.split(b"\0"):
            if not record:
                continue
            info, _, path = record.partition(b"\t")
            _mode, kind, sha = info.decode().split(" ")
            name = path.decode("utf-8", errors="surrogateescape")
            if kind == "tree":
                tree = Tree(self.repo, sha)
                tree.path = name  # type: ignore[attr-defined]
                yield tree
            elif kind == "blob":
                yield _LazyBlob(self.repo, sha, name)


class _LazyBlob(Blob):
    def __init__(self, repo: Repo, hexsha: str, path: str) -> None:
        self.repo = repo
        self.hexsha = hexsha
        self.path = path
        self.type = "blob"

    @property
    def data_stream(self) -> IO[bytes]:
        return io.BytesIO(self.repo._object(self.hexsha)[1])


class Commit:
    """One commit, parsed from its raw object on first use."""

    def __init__(self, repo: Repo, hexsha: str) -> None:
        self.repo = repo
        self.hexsha = hexsha
        self.binsha = bytes.fromhex(hexsha)
        self._parsed: tuple[str, list[str], str] | None = None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Commit) and other.hexsha == self.hexsha

    def __hash__(self) -> int:
        return hash(self.hexsha)

    def __repr__(self) -> str:
        return f"<gitread.Commit {self.hexsha}>"

    def _parse(self) -> tuple[str, list[str], str]:
        if self._parsed is None:
            kind, raw = self.repo._object(self.hexsha)
            if kind != "commit":
                raise ValueError(f"{self.hexsha} is a {kind}, not a commit")
            self._parsed = _parse_commit(raw)
        return self._parsed

    @property
    def tree(self) -> Tree:
        return Tree(self.repo, self._parse()[0])

    @property
    def parents(self) -> list[Commit]:
        return [Commit(self.repo, sha) for sha in self._parse()[1]]

    @property
    def message(self) -> str:
        return self._parse()[2]

    @property
    def summary(self) -> str:
        return self.message.split("\n", 1)[0]

    def diff(self, other: Commit) -> list[Diff]:
        """What changed from this commit to ``other`` (renames found, as GitPython's)."""
        out = self.repo._run_bytes(
            "diff-tree", "-r", "--abbrev=40", "--full-index", "-M", "--raw", "-z", "--no-color",
            self.hexsha, other.hexsha,
        )  # fmt: skip
        fields = out.split(b"\0")
        diffs: list[Diff] = []
        i = 0
        while i < len(fields):
            info = fields[i]
            if not info.startswith(b":"):
                i += 1
                continue
            status = info.split(b" ")[-1][:1]
            a = fields[i + 1].decode("utf-8", "surrogateescape")
            if status in (b"R", b"C"):
                b = fields[i + 2].decode("utf-8", "surrogateescape")
                diffs.append(Diff(a, b))
                i += 3
                continue
            diffs.append(Diff(None if status == b"A" else a, None if status == b"D" else a))
            i += 2
        return diffs


def _parse_commit(raw: bytes) -> tuple[str, list[str], str]:
    """(tree sha, parent shas, message) of a raw commit object."""
    head, _, body = raw.partition(b"\n\n")
    tree, parents, encoding = "", [], "utf-8"
    for line in head.split(b"\n"):
        if line.startswith(b"tree "):
            tree = line[5:].decode("ascii", "replace")
        elif line.startswith(b"parent "):
            parents.append(line[7:].decode("ascii", "replace"))
        elif line.startswith(b"encoding "):
            encoding = line[9:].decode("ascii", "replace")
    try:  # whatever a commit claims as its encoding, decoding never fails
        message = body.decode(encoding, "replace")
    except (LookupError, ValueError, TypeError):
        message = body.decode("utf-8", "replace")
    return tree, parents, message


class Diff:
    def __init__(self, a_path: str | None, b_path: str | None) -> None:
        self.a_path = a_path
        self.b_path = b_path


class Head:
    """A local branch: ``name`` (without ``refs/heads/``) and its ``commit``."""

    def __init__(self, repo: Repo, name: str, hexsha: str) -> None:
        self.name = name
        self.path = f"refs/heads/{name}"
        self.commit = Commit(repo, hexsha)


class Heads(list):
    """The branches; ``"main" in heads`` and ``heads.main`` look up by name."""

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return any(h.name == item for h in self)
        return list.__contains__(self, item)

    def __getattr__(self, name: str) -> Head:
        for head in self:
            if head.name == name:
                return head
        raise AttributeError(name)


class RefLogEntry:
    def __init__(self, old: str, new: str, message: str) -> None:
        self.oldhexsha = old
        self.newhexsha = new
        self.message = message


class _HeadRef:
    def __init__(self, repo: Repo) -> None:
        self._repo = repo

    def log(self) -> list[RefLogEntry]:
        """HEAD's reflog, oldest first, read from ``.git/logs/HEAD`` (as GitPython)."""
        try:
            raw = (Path(self._repo.git_dir) / "logs" / "HEAD").read_bytes()
        except OSError:
            return []
        entries = []
        for line in raw.decode("utf-8", "replace").split("\n"):  # a message may hold U+2028
            if not line:
                continue
            info, _, message = line.partition("\t")
            parts = info.split(" ", 2)
            if len(parts) < 3:
                raise ValueError(f"bad reflog line: {line!r}")
            entries.append(RefLogEntry(parts[0], parts[1], message))
        return entries


class Repo:
    """A repository's working tree at ``root``: the read-only part of GitPython's Repo."""

    def __init__(self, root: Path | str) -> None:
        self.working_tree_dir = str(root)
        git_dir = Path(root) / ".git"
        if not git_dir.exists():
            raise GitError(["rev-parse"], 128, f"{root} is not a git repository")
        self.git_dir = str(git_dir)
        self.git = _GitCommands(self)
        self.head = _HeadRef(self)
        self._batch: subprocess.Popen[bytes] | None = None

    # --- running git ----------------------------------------------------------

    def _proc(self, args: tuple[str, ...], stdout: IO[bytes] | None = None):
        return subprocess.run(
            ["git", *args],
            cwd=self.working_tree_dir,
            env=_env(),
            stdin=subprocess.DEVNULL,
            stdout=stdout if stdout is not None else subprocess.PIPE,
            stderr=subprocess.PIPE,
            check=False,
        )

    def _run_bytes(self, *args: str) -> bytes:
        proc = self._proc(args)
        if proc.returncode != 0:
            raise GitError(list(args), proc.returncode, proc.stderr.decode(errors="replace"))
        return proc.stdout

    def _run(self, *args: str) -> str:
        out = self._run_bytes(*args).decode("utf-8", "replace")
        return out[:-1] if out.endswith("\n") else out

    def _object(self, name: str, with_sha: bool = False):
        """(type, content) of the object ``name`` names, via one ``cat-file --batch``;
        (sha, type, content) with ``with_sha``."""
        if "\n" in name:
            raise ValueError(f"bad object name {name!r}")
        if self._batch is None or self._batch.poll() is not None:
            self._batch = subprocess.Popen(
                ["git", "cat-file", "--batch"],
                cwd=self.working_tree_dir,
                env=_env(),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        assert self._batch.stdin is not None and self._batch.stdout is not None
        self._batch.stdin.write(name.encode("utf-8", "surrogateescape") + b"\n")
        self._batch.stdin.flush()
        header = self._batch.stdout.readline().decode(errors="replace").split()
        if len(header) != 3:
            raise KeyError(f"{name}: {' '.join(header) or 'no answer'}")
        size = int(header[2])
        data = self._batch.stdout.read(size + 1)[:-1]
        return (header[0], header[1], data) if with_sha else (header[1], data)

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

    # --- the GitPython-shaped interface ----------------------------------------

    def commit(self, rev: str = "HEAD") -> Commit:
        """The commit ``rev`` names (a ``KeyError`` when it names none), resolved by the
        running ``cat-file --batch``: no process per lookup."""
        sha, _kind, raw = self._object(f"{rev}^{{commit}}", with_sha=True)
        commit = Commit(self, sha)
        commit._parsed = _parse_commit(raw)
        return commit

    @property
    def heads(self) -> Heads:
        out = self._run("for-each-ref", "--format=%(objectname) %(refname)", "refs/heads")
        heads = Heads()
        for line in out.split("\n"):  # not splitlines(): a name may hold U+0085 or U+2028
            sha, _, ref = line.partition(" ")
            if not ref:
                continue
            heads.append(Head(self, ref.removeprefix("refs/heads/"), sha))
        return heads

    def iter_commits(self, rev: str, first_parent: bool = False) -> Iterator[Commit]:
        args = ["rev-list", *(["--first-parent"] if first_parent else []), rev, "--"]
        for sha in self._run(*args).split():
            yield Commit(self, sha)

    def is_ancestor(self, ancestor: str, descendant: str) -> bool:
        proc = self._proc(("merge-base", "--is-ancestor", str(ancestor), str(descendant)))
        if proc.returncode in (0, 1):
            return proc.returncode == 0
        raise GitError(["merge-base"], proc.returncode, proc.stderr.decode(errors="replace"))

    def merge_base(self, a: Commit | str, b: Commit | str) -> list[Commit]:
        args = ("merge-base", _rev(a), _rev(b))
        proc = self._proc(args)
        if proc.returncode == 1:
            return []
        if proc.returncode != 0:
            raise GitError(list(args), proc.returncode, proc.stderr.decode(errors="replace"))
        return [Commit(self, sha) for sha in proc.stdout.decode().split()]

    def archive(self, stream: IO[bytes], rev: str, format: str = "tar") -> None:
        stream.write(self._run_bytes("archive", f"--format={format}", rev))


def _rev(value: Commit | str) -> str:
    return value.hexsha if isinstance(value, Commit) else str(value)
