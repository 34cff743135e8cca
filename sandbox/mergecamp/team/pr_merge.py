"""Writing a PR into origin: a merge commit, a squash, a rebase, or main merged into the
branch ("update branch"). Straight into the bare origin, as a forge does.

Merge and squash write the tree with ``git merge-tree --write-tree`` and the commit with
``git commit-tree``; a rebase replays the branch's commits in a scratch clone (git 2.39
has no ``merge-tree --merge-base``). Every ref moves by a compare-and-swap
``update-ref``, so a push that lands meanwhile is never lost; ``update-ref`` in the
bare repository is also why the protection hook (``team.protection``) lets only these
moves through.
"""

from __future__ import annotations

from pathlib import Path

from mergecamp.errors import MergecampError
from mergecamp.gitcmd import GitFailed, git
from mergecamp.gitread import GitReader
from mergecamp.i18n import Text
from mergecamp.team.origin import scratch_checkout

METHODS: tuple[str, ...] = ("merge", "squash", "rebase")


def _env(who: tuple[str, str], date: str | None) -> dict[str, str]:
    name, email = who
    env = {
        "GIT_AUTHOR_NAME": name,
        "GIT_AUTHOR_EMAIL": email,
        "GIT_COMMITTER_NAME": name,
        "GIT_COMMITTER_EMAIL": email,
    }
    if date:  # scripted teammates: the same hash every time
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
    return env


def conflict_error(branch: str, base: str) -> MergecampError:
    return MergecampError(
        Text(
            en=(
                "`{branch}` conflicts with {base}: merge origin/{base} into it in your "
                "clone, resolve, and push (`git fetch origin && git merge origin/{base}`)."
            ),
            ko=(
                "`{branch}`은(는) {base}과(와) 충돌해요. 내 클론에서 origin/{base}을(를) 머지해 "
                "해결하고 푸시해요(`git fetch origin && git merge origin/{base}`)."
            ),
        ).format(branch=branch, base=base),
        exit_code=1,
    )


def _tree(origin: Path, ours: str, theirs: str, branch: str, base: str) -> str:
    try:
        return git(origin, "merge-tree", "--write-tree", ours, theirs).splitlines()[0]
    except GitFailed as err:
        raise conflict_error(branch, base) from err


def _move(origin: Path, ref: str, new: str, old: str, why: str) -> None:
    git(origin, "update-ref", "-m", why, ref, new, old)


def write(
    origin: Path,
    *,
    number: int,
    branch: str,
    base: str,
    head: str,
    title: str,
    method: str,
    merger: tuple[str, str],
    date: str | None = None,
) -> list[str]:
    """Put PR ``number`` on ``base``; return the new commits of base, oldest first."""
    base_ref = f"refs/heads/{base}"
    base_sha = GitReader(origin).ref(base_ref)
    assert base_sha is not None
    env = _env(merger, date)
    if method == "rebase":
        made = _rebase(origin, branch, base, base_sha, head, env)
    elif method == "squash":
        tree = _tree(origin, base_sha, head, branch, base)
        subjects = [c.subject for c in reversed(GitReader(origin).log(f"{base_sha}..{head}"))]
        body = "\n".join(f"* {s}" for s in subjects)
        message = f"{title} (#{number})\n\n{body}\n"
        made = [git(origin, "commit-tree", tree, "-p", base_sha, "-m", message, env=env)]
    else:
        tree = _tree(origin, base_sha, head, branch, base)
        message = f"Merge pull request #{number} from {branch}\n\n{title}\n"
        made = [
            git(origin, "commit-tree", tree, "-p", base_sha, "-p", head, "-m", message, env=env)
        ]
    _move(origin, base_ref, made[-1], base_sha, f"merge PR #{number}")
    return made


def _rebase(
    origin: Path, branch: str, base: str, base_sha: str, head: str, env: dict[str, str]
) -> list[str]:
    """Replay the branch's own non-merge commits on ``base_sha`` (authors kept)."""
    with scratch_checkout(origin, "rebase", base_sha) as work:
        picks = git(work, "rev-list", "--reverse", "--no-merges", head, f"^{base_sha}").split()
        committer = {k: v for k, v in env.items() if k.startswith("GIT_COMMITTER")}
        for sha in picks:
            try:
                git(work, "cherry-pick", "--allow-empty", "--keep-redundant-commits", sha,
                    env=committer)  # fmt: skip
            except GitFailed as err:
                raise conflict_error(branch, base) from err
        made = git(work, "rev-list", "--reverse", "HEAD", f"^{base_sha}").split()
        git(origin, "fetch", "--quiet", "--no-tags", str(work), "HEAD")
        return made


def update_branch(
    origin: Path,
    *,
    branch: str,
    base: str,
    head: str,
    merger: tuple[str, str],
    date: str | None = None,
) -> str:
    """Merge ``base`` into ``branch`` on origin (a forge's "Update branch"); the new head."""
    base_sha = GitReader(origin).ref(f"refs/heads/{base}")
    assert base_sha is not None
    tree = _tree(origin, head, base_sha, branch, base)
    message = f"Merge branch '{base}' into {branch}\n"
    new = git(
        origin, "commit-tree", tree, "-p", head, "-p", base_sha, "-m", message,
        env=_env(merger, date),
    )  # fmt: skip
    _move(origin, f"refs/heads/{branch}", new, head, f"update {branch} from {base}")
    return new
