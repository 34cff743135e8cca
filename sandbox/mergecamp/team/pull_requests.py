"""Pull requests on a local bare origin: records in ``origin.git/mergecamp/prs.json``.

A PR names a pushed branch and a base (``main``). Opening one runs the review
(``team.review``) on what origin holds, never on the learner's unpushed work, as a
forge would. Merging writes the merge (or squash) commit straight into the bare
origin with ``git merge-tree --write-tree`` and ``git commit-tree``, then moves
``main`` with a compare-and-swap ``update-ref``, so a concurrent push is never lost.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal

from mergecamp.errors import MergecampError
from mergecamp.gitcmd import GitFailed, git
from mergecamp.i18n import Text
from mergecamp.team import ci as ci_mod
from mergecamp.team.origin import commits, meta_dir, ref
from mergecamp.team.review import Finding, review

MergeMethod = Literal["merge", "squash"]
METHODS: tuple[str, ...] = ("merge", "squash")


@dataclass
class PullRequest:
    number: int
    branch: str
    base: str
    title: str
    author: str
    state: str = "open"  # open | merged
    head: str = ""  # the branch commit the findings are about
    findings: list[dict] = field(default_factory=list)
    ci: dict | None = None
    merged_commit: str | None = None
    merge_method: str | None = None

    @property
    def approved(self) -> bool:
        return self.state == "open" and not self.findings

    def finding_list(self) -> list[Finding]:
        return [Finding.from_json(f) for f in self.findings]

    def to_json(self) -> dict:
        return asdict(self)


def _store(origin: Path) -> Path:
    return meta_dir(origin) / "prs.json"


def load_all(origin: Path) -> list[PullRequest]:
    path = _store(origin)
    if not path.is_file():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [PullRequest(**item) for item in data.get("pull_requests", [])]
    except (ValueError, TypeError) as err:
        raise MergecampError(
            Text(
                en=(
                    "The pull-request records in {path} are damaged ({err}). "
                    "Delete the file to start over."
                ),
                ko="{path}의 PR 기록이 망가졌어요 ({err}). 파일을 지우면 처음부터 다시 시작해요.",
            ).format(path=path, err=err)
        ) from err


def save_all(origin: Path, prs: list[PullRequest]) -> None:
    path = _store(origin)
    tmp = path.with_suffix(".tmp")
    payload = {"pull_requests": [pr.to_json() for pr in prs]}
    tmp.write_text(json.dumps(payload, indent=2, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)


def policy(origin: Path) -> MergeMethod:
    """How this team merges PRs (the exercise sets it; a merge commit by default)."""
    path = meta_dir(origin) / "policy.json"
    if path.is_file():
        try:
            method = json.loads(path.read_text(encoding="utf-8")).get("merge_method")
        except ValueError:
            method = None
        if method in METHODS:
            return method  # type: ignore[return-value]
    return "merge"


def set_policy(origin: Path, method: MergeMethod) -> None:
    (meta_dir(origin) / "policy.json").write_text(
        json.dumps({"merge_method": method}), encoding="utf-8"
    )


def find_open(prs: list[PullRequest], branch: str) -> PullRequest | None:
    return next((pr for pr in prs if pr.branch == branch and pr.state == "open"), None)


def _branch_head(origin: Path, branch: str) -> str:
    head = ref(origin, f"refs/heads/{branch}")
    if head is None:
        raise MergecampError(
            Text(
                en="`{branch}` is not on origin yet. Push it first: `git push -u origin {branch}`.",
                ko=(
                    "`{branch}`가 아직 origin에 없어요. 먼저 푸시해요: `git push -u origin "
                    "{branch}`."
                ),
            ).format(branch=branch)
        )
    return head


def _run_review(origin: Path, pr: PullRequest, with_ci: bool) -> None:
    """Review ``pr`` at origin's current head of its branch; CI runs once per commit."""
    cached = ci_mod.CiResult.from_json(pr.ci) if pr.ci else None

    def run_ci(sha: str) -> ci_mod.CiResult:
        nonlocal cached
        if cached is None or cached.sha != sha:
            cached = ci_mod.run(origin, sha, pr.branch, ref(origin, f"refs/heads/{pr.base}"))
        return cached

    pr.head = _branch_head(origin, pr.branch)
    findings = review(origin, pr.branch, pr.title, pr.base, ci=run_ci if with_ci else None)
    pr.findings = [f.to_json() for f in findings]
    pr.ci = cached.to_json() if cached else None


def open_pr(
    origin: Path,
    branch: str,
    title: str | None,
    author: str,
    base: str = "main",
    with_ci: bool = True,
) -> PullRequest:
    """Open a PR for ``branch`` (or refresh the open one) and review it."""
    if branch == base:
        raise MergecampError(
            Text(
                en=(
                    "You are on `{base}`: a PR brings a branch *into* {base}. Put your work "
                    "on a branch (`git switch -c exp/<idea>`), push it, and open the PR there."
                ),
                ko=(
                    "지금 `{base}`에 있어요: PR은 다른 브랜치를 {base}로 가져오는 거예요. "
                    "작업을 브랜치에 올리고(`git switch -c exp/<idea>`) 푸시한 뒤 거기서 "
                    "PR을 열어요."
                ),
            ).format(base=base)
        )
    _branch_head(origin, branch)
    if ref(origin, f"refs/heads/{base}") is None:
        raise MergecampError(
            Text(
                en="origin has no `{base}` branch to merge into.",
                ko="origin에 머지할 대상인 `{base}` 브랜치가 없어요.",
            ).format(base=base)
        )
    prs = load_all(origin)
    pr = find_open(prs, branch)
    if pr is None:
        head = ref(origin, f"refs/heads/{branch}") or ""
        default_title = title or git(origin, "log", "-1", "--format=%s", head)
        pr = PullRequest(len(prs) + 1, branch, base, default_title, author)
        prs.append(pr)
    elif title:
        pr.title = title
    _run_review(origin, pr, with_ci)
    save_all(origin, prs)
    return pr


def refresh(origin: Path, pr: PullRequest, with_ci: bool = True) -> PullRequest:
    """Review again if the branch moved on origin since the last review."""
    if pr.state == "open" and ref(origin, f"refs/heads/{pr.branch}") != pr.head:
        prs = load_all(origin)
        current = next(p for p in prs if p.number == pr.number)
        _run_review(origin, current, with_ci)
        save_all(origin, prs)
        return current
    return pr


def merge(
    origin: Path,
    branch: str,
    merger: tuple[str, str],
    method: MergeMethod | None = None,
    with_ci: bool = True,
) -> PullRequest:
    """Merge the open PR of ``branch`` into its base on origin; refuse while findings remain."""
    prs = load_all(origin)
    pr = find_open(prs, branch)
    if pr is None:
        raise MergecampError(
            Text(
                en="`{branch}` has no open PR. Open one first: `mergecamp pr open`.",
                ko="`{branch}`에 열린 PR이 없어요. 먼저 `mergecamp pr open`으로 열어요.",
            ).format(branch=branch)
        )
    if ref(origin, f"refs/heads/{branch}") != pr.head:
        _run_review(origin, pr, with_ci)
        save_all(origin, prs)
    if pr.findings:
        raise MergecampError(
            Text(
                en=(
                    "PR #{n} cannot be merged yet: the review has {k} open comment(s). See "
                    "`mergecamp pr status`, fix them, push, and run `mergecamp pr open` again."
                ),
                ko=(
                    "PR #{n}은 아직 머지할 수 없어요: 리뷰 코멘트가 {k}개 남아 있어요. "
                    "`mergecamp pr status`로 보고 고친 뒤 푸시하고 `mergecamp pr open`을 다시 해요."
                ),
            ).format(n=pr.number, k=len(pr.findings)),
            exit_code=1,
        )
    method = method or policy(origin)
    pr.merged_commit = _write_merge(origin, pr, merger, method)
    pr.merge_method = method
    pr.state = "merged"
    save_all(origin, prs)
    return pr


def _write_merge(origin: Path, pr: PullRequest, merger: tuple[str, str], method: str) -> str:
    base_ref = f"refs/heads/{pr.base}"
    base_sha = ref(origin, base_ref)
    assert base_sha is not None
    try:
        tree = git(origin, "merge-tree", "--write-tree", base_sha, pr.head).splitlines()[0]
    except GitFailed as err:
        raise MergecampError(
            Text(
                en="`{branch}` conflicts with {base}: merge origin/{base} into it, resolve, push.",
                ko="`{branch}`가 {base}와 충돌해요: origin/{base}를 머지해서 해결하고 푸시해요.",
            ).format(branch=pr.branch, base=pr.base)
        ) from err
    name, email = merger
    env = {
        "GIT_AUTHOR_NAME": name,
        "GIT_AUTHOR_EMAIL": email,
        "GIT_COMMITTER_NAME": name,
        "GIT_COMMITTER_EMAIL": email,
    }
    if method == "squash":
        subjects = [c.subject for c in reversed(commits(origin, f"{base_sha}..{pr.head}"))]
        body = "\n".join(f"* {s}" for s in subjects)
        message = f"{pr.title} (#{pr.number})\n\n{body}\n"
        new = git(origin, "commit-tree", tree, "-p", base_sha, "-m", message, env=env)
    else:
        message = f"Merge pull request #{pr.number} from {pr.branch}\n\n{pr.title}\n"
        new = git(
            origin, "commit-tree", tree, "-p", base_sha, "-p", pr.head, "-m", message, env=env
        )
    git(origin, "update-ref", "-m", f"merge PR #{pr.number}", base_ref, new, base_sha)
    return new
