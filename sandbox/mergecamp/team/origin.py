"""The team's bare ``origin.git`` and the clones around it, all local folders.

Why bare and local: a learner meets real ``git push`` / ``git fetch`` behaviour
(rejections, upstreams, remote-tracking branches) without a forge or a network, and a
check can read exactly what was pushed, by whom, with which parents.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mergecamp.gitcmd import GitFailed, git, ok
from mergecamp.gitread import GitReader
from mergecamp.i18n import Text

ORIGIN_DIR = "origin.git"
# mergecamp's own records (pull requests, fired teammate events) live inside the origin,
# so they travel with it and vanish with it.
META_DIR = "mergecamp"


def create(team_dir: Path, seed: Path, branches: tuple[str, ...] | None = None) -> Path:
    """Make ``team_dir/origin.git`` as a bare copy of the repository ``seed``.

    ``branches`` limits which of seed's branches origin gets (all when ``None``); tags
    always come along. The link back to ``seed`` is removed: seed is scratch.
    """
    team_dir.mkdir(parents=True, exist_ok=True)
    origin = team_dir / ORIGIN_DIR
    git(team_dir, "clone", "--quiet", "--bare", "--no-hardlinks", str(seed), ORIGIN_DIR)
    git(origin, "remote", "remove", "origin", check=False)
    if branches is not None:
        for ref in git(origin, "for-each-ref", "--format=%(refname:short)", "refs/heads").split():
            if ref not in branches:
                git(origin, "branch", "-D", ref)
    git(origin, "symbolic-ref", "HEAD", "refs/heads/main")
    # Pushes are judged by the exercises, not refused by the server: a learner who
    # force-pushes must see what that does to the team's history.
    git(origin, "config", "receive.denyNonFastForwards", "false")
    git(origin, "config", "receive.denyDeletes", "false")
    (origin / META_DIR).mkdir(exist_ok=True)
    return origin


def clone(origin: Path, dest: Path, name: str | None = None, email: str | None = None) -> Path:
    """Clone ``origin`` into ``dest``; with ``name``/``email`` commits there carry them."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    git(dest.parent, "clone", "--quiet", "--no-hardlinks", str(origin), dest.name)
    if name and email:
        git(dest, "config", "user.name", name)
        git(dest, "config", "user.email", email)
    return dest


def point_at(repo: Path, origin: Path) -> None:
    """Make ``repo``'s remote ``origin`` the path ``origin`` (relative, so the pair can move).

    Setup builds in a scratch folder and moves it into place; a relative URL keeps the
    learner's clone pointing at the sibling team folder after the move.
    """
    import os

    url = os.path.relpath(origin, repo)
    if ok(repo, "remote", "get-url", "origin"):
        git(repo, "remote", "set-url", "origin", url)
    else:
        git(repo, "remote", "add", "origin", url)


def remote_path(repo: Path, remote: str = "origin") -> Path | None:
    """The folder a repository's remote points at, or ``None`` if it is not a local path."""
    try:
        url = git(repo, "remote", "get-url", remote)
    except GitFailed:
        return None
    if "://" in url and not url.startswith("file://"):
        return None
    if url.startswith("file://"):
        url = url[len("file://") :]
    if ":" in url.split("/")[0]:  # scp-like host:path
        return None
    path = Path(url)
    return (repo / path).resolve() if not path.is_absolute() else path.resolve()


def meta_dir(origin: Path) -> Path:
    path = origin / META_DIR
    path.mkdir(exist_ok=True)
    return path


@contextmanager
def scratch_checkout(origin: Path, purpose: str, rev: str) -> Iterator[Path]:
    """A throwaway working tree of ``rev`` (detached) cloned from ``origin``, for the PR
    CI and a rebase merge. It lives in origin's own ``mergecamp/<purpose>/`` folder, so
    nothing is written outside what mergecamp built; what an interrupted run left there
    is cleared first, and the folder is removed afterwards, on an error too."""
    import shutil

    scratch = meta_dir(origin) / purpose
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    work = scratch / "work"
    try:
        git(scratch, "clone", "--quiet", "--shared", "--no-checkout", str(origin), work.name)
        git(work, "checkout", "--quiet", "--detach", rev)
        yield work
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def problem(origin: Path | None, learner_repo: Path | None = None) -> Text | None:
    """What is wrong with the team's origin, in words, or ``None`` when it is usable.

    Covers the hostile states: origin deleted, broken (not a git repository, ``main``
    gone) and a push in progress or interrupted (a ref lock file left behind).
    """
    if origin is None:
        return Text(
            en="This exercise has no team folder, so there is no origin to read.",
            ko="이 연습에는 팀 폴더가 없어서 읽을 origin이 없어요.",
        )
    if not origin.is_dir():
        return Text(
            en=(
                "The team's origin is gone: {path} does not exist. Run `mergecamp reset` "
                "to build the exercise (and its origin) again."
            ),
            ko=(
                "팀의 origin이 없어요: {path} 폴더가 없어요. `mergecamp reset`으로 연습과 "
                "origin을 다시 만들어요."
            ),
        ).format(path=origin)
    if not ok(origin, "rev-parse", "--is-bare-repository"):
        return Text(
            en=(
                "{path} is no longer a git repository, so mergecamp cannot see what was "
                "pushed. Run `mergecamp reset` to rebuild it."
            ),
            ko=(
                "{path}이(가) 더 이상 git 저장소가 아니라서 무엇이 푸시됐는지 볼 수 없어요. "
                "`mergecamp reset`으로 다시 만들어요."
            ),
        ).format(path=origin)
    locks = (
        sorted(p for p in (origin / "refs").rglob("*.lock")) if (origin / "refs").is_dir() else []
    )
    for extra in ("packed-refs.lock", "HEAD.lock"):
        if (origin / extra).exists():
            locks.append(origin / extra)
    if locks:
        return Text(
            en=(
                "A push to origin is in progress or was interrupted: {lock} exists. Wait "
                "for the push to finish; if no git command is running, delete that file "
                "and push again."
            ),
            ko=(
                "origin에 푸시가 진행 중이거나 중간에 끊겼어요: {lock} 파일이 있어요. 푸시가 "
                "끝나길 기다리고, 실행 중인 git 명령이 없다면 그 파일을 지우고 다시 푸시해요."
            ),
        ).format(lock=locks[0])
    if GitReader(origin).ref("refs/heads/main") is None:
        return Text(
            en=(
                "origin has no `main` branch any more (deleted by a push?). The team's "
                "history lives there: run `mergecamp reset` to start over."
            ),
            ko=(
                "origin에 `main` 브랜치가 없어요 (푸시로 지워졌나요?). 팀 히스토리가 거기 "
                "있어야 해요: `mergecamp reset`으로 처음부터 다시 해요."
            ),
        )
    if learner_repo is not None:
        actual = remote_path(learner_repo)
        if actual is not None and actual != origin.resolve() and (learner_repo / ".git").exists():
            return Text(
                en=(
                    "Your clone's `origin` points at {actual}, not the team's {path}. "
                    "Fix it with `git remote set-url origin {path}`."
                ),
                ko=(
                    "내 클론의 `origin`이 팀의 {path}이(가) 아니라 {actual}을(를) 가리켜요. "
                    "`git remote set-url origin {path}`(으)로 고쳐요."
                ),
            ).format(actual=actual, path=origin)
    return None
