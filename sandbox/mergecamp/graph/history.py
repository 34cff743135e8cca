"""Reading a repository's history for drawing: commits, refs, HEAD, and what is going on.

Plain ``git`` subprocesses (one ``log``, one ``for-each-ref``) rather than GitPython
objects: it is fast on any repository and works in every state a learner can leave it
in (detached HEAD, mid-merge, mid-rebase, no commits yet).
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from mergecamp.errors import MergecampError
from mergecamp.gitcmd import clean_env
from mergecamp.i18n import Text

NOT_A_REPO = Text(
    en="{path} is not a git repository. Run this inside an exercise folder or pass its path.",
    ko="{path}은(는) git 저장소가 아니에요. 연습 폴더 안에서 실행하거나 경로를 넘겨 주세요.",
)


@dataclass(frozen=True)
class Commit:
    sha: str
    parents: tuple[str, ...]
    subject: str
    author: str
    timestamp: int


@dataclass(frozen=True)
class Ref:
    """A branch, tag or remote branch pointing at a commit (tags peeled)."""

    name: str  # short name: "main", "v1", "origin/main"
    kind: str  # "branch" | "tag" | "remote"
    sha: str


@dataclass
class History:
    commits: list[Commit]  # newest first, children always before their parents
    refs: list[Ref]
    head_sha: str | None  # None in a repository without commits
    head_branch: str | None  # None when HEAD is detached
    operation: str | None = None  # "merge" | "rebase" | "cherry-pick" | "revert" | "bisect"
    extra_heads: dict[str, str] = field(default_factory=dict)  # e.g. MERGE_HEAD -> sha

    def by_sha(self) -> dict[str, Commit]:
        return {c.sha: c for c in self.commits}


def git(repo: Path, *args: str) -> str:
    """Run git in ``repo`` and return stdout; ``MergecampError`` if git fails."""
    result = subprocess.run(
        ["git", "-C", str(repo), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        check=False,
        env=clean_env(),
    )
    if result.returncode != 0:
        raise MergecampError(NOT_A_REPO.format(path=repo))
    return result.stdout


def git_dir(repo: Path) -> Path:
    """The repository's .git folder (works from a subfolder and for worktrees)."""
    out = git(repo, "rev-parse", "--absolute-git-dir").strip()
    return Path(out)


def read_history(repo: Path, limit: int = 400) -> History:
    """Everything needed to draw ``repo``: newest ``limit`` commits of all refs."""
    gdir = git_dir(repo)
    refs = _read_refs(repo)
    head_sha = _rev(repo, "HEAD")
    branch = _symbolic_head(repo)
    extra = {name: sha for name in _EXTRA_HEADS if (sha := _rev(repo, name))}
    tips = sorted({r.sha for r in refs} | set(extra.values()) | ({head_sha} if head_sha else set()))
    commits: list[Commit] = []
    if tips:
        out = git(
            repo,
            "log",
            "--topo-order",
            f"--max-count={limit}",
            # NUL between fields and a newline after each commit: the only two characters
            # a subject or an author name can never hold (any other may be in a message).
            "--format=%H%x00%P%x00%at%x00%an%x00%s",
            *tips,
            "--",
        )
        for record in out.split("\n"):
            fields = record.split("\x00", 4)
            if len(fields) != 5:
                continue
            sha, parents, at, author, subject = fields
            commits.append(Commit(sha, tuple(parents.split()), subject, author, int(at)))
    return History(commits, refs, head_sha, branch, _operation(gdir), extra)


_EXTRA_HEADS = ("MERGE_HEAD", "CHERRY_PICK_HEAD", "REVERT_HEAD", "REBASE_HEAD")


def _read_refs(repo: Path) -> list[Ref]:
    out = git(
        repo,
        "for-each-ref",
        "--format=%(refname)%1f%(objectname)%1f%(*objectname)%1f%(objecttype)",
        "refs/heads",
        "refs/tags",
        "refs/remotes",
    )
    refs = []
    for line in out.split("\n"):  # not splitlines(): a ref name may hold U+0085 or U+2028
        fields = line.split("\x1f")
        if len(fields) != 4:
            continue
        name, sha, peeled, objtype = fields
        target = peeled or sha
        if objtype not in ("commit", "tag") or name.endswith("/HEAD"):
            continue
        for prefix, kind in (
            ("refs/heads/", "branch"),
            ("refs/tags/", "tag"),
            ("refs/remotes/", "remote"),
        ):
            if name.startswith(prefix):
                refs.append(Ref(name[len(prefix) :], kind, target))
    return refs


def _rev(repo: Path, name: str) -> str | None:
    result = subprocess.run(
        ["git", "-C", str(repo), "rev-parse", "-q", "--verify", f"{name}^{{commit}}"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",  # a branch named in another encoding still shows, with �
        check=False,
        env=clean_env(),
    )
    return result.stdout.strip() or None if result.returncode == 0 else None


def _symbolic_head(repo: Path) -> str | None:
    result = subprocess.run(
        ["git", "-C", str(repo), "symbolic-ref", "-q", "--short", "HEAD"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",  # a branch named in another encoding still shows, with �
        check=False,
        env=clean_env(),
    )
    return result.stdout.strip() or None if result.returncode == 0 else None


def _operation(gdir: Path) -> str | None:
    if (gdir / "rebase-merge").exists() or (gdir / "rebase-apply").exists():
        return "rebase"
    for marker, name in (
        ("MERGE_HEAD", "merge"),
        ("CHERRY_PICK_HEAD", "cherry-pick"),
        ("REVERT_HEAD", "revert"),
        ("BISECT_LOG", "bisect"),
    ):
        if (gdir / marker).exists():
            return name
    return None
