"""Pull requests on a local bare origin: records in ``origin.git/mergecamp/prs.json``.

A PR names a pushed branch and a base (``main``). Opening one runs the review
(``team.review``) on what origin holds, never on the learner's unpushed work, as a
forge would; a named teammate (``team.owners``: CODEOWNERS decides) reviews it. An
approval holds for the head it was given to and the base it was checked against: a
push dismisses it, and a base that moved on asks for the branch to be updated first.
A PR whose branch is deleted is closed. Writing merges is ``team.pr_merge``'s.
"""

from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from mergecamp.errors import MergecampError
from mergecamp.gitread import GitReader
from mergecamp.i18n import Text
from mergecamp.team import ci as ci_mod
from mergecamp.team import owners, pr_body, pr_merge
from mergecamp.team.origin import meta_dir
from mergecamp.team.review import Finding, is_merge_subject, review

METHODS = pr_merge.METHODS
# PRs the scripted teammates open carry their names as author.
TEAM_AUTHORS = frozenset(p.name for p in (owners.MINA, owners.JUN, owners.SORA))


class PrRefused(MergecampError):
    """A PR command refused for a reason the learner can fix; ``code`` names it (tests)."""

    def __init__(self, code: str, text: Text, exit_code: int = 1) -> None:
        super().__init__(text, exit_code)
        self.code = code


@dataclass
class PullRequest:
    number: int
    branch: str
    base: str
    title: str
    author: str
    state: str = "open"  # open | closed | merged
    head: str = ""  # the branch commit the findings are about
    findings: list[dict] = field(default_factory=list)
    ci: dict | None = None
    merged_commit: str | None = None
    merge_method: str | None = None
    body: str = ""
    base_head: str = ""  # the base commit the review checked against
    reviewer: str = ""  # the teammate who reviews (CODEOWNERS)
    approved_head: str | None = None  # the head the reviewer approved
    closed_reason: str | None = None  # "closed" by the learner, "branch-deleted"
    branch_deleted: bool = False

    @property
    def approved(self) -> bool:
        return self.state == "open" and not self.findings and self.approved_head == self.head

    def finding_list(self) -> list[Finding]:
        return [Finding.from_json(f) for f in self.findings]

    def to_json(self) -> dict:
        return asdict(self)


_FIELDS = {f.name for f in dataclasses.fields(PullRequest)}


def _store(origin: Path) -> Path:
    return meta_dir(origin) / "prs.json"


def load_all(origin: Path) -> list[PullRequest]:
    path = _store(origin)
    if not path.is_file():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [
            PullRequest(**{k: v for k, v in item.items() if k in _FIELDS})
            for item in data.get("pull_requests", [])
        ]
    except (ValueError, TypeError, AttributeError) as err:
        raise MergecampError(
            Text(
                en=(
                    "The pull-request records in {path} are damaged ({err}). "
                    "Delete the file to start over."
                ),
                ko="{path}의 PR 기록이 망가졌어요({err}). 파일을 지우면 처음부터 다시 시작해요.",
            ).format(path=path, err=err)
        ) from err


def save_all(origin: Path, prs: list[PullRequest]) -> None:
    path = _store(origin)
    tmp = path.with_suffix(".tmp")
    payload = {"pull_requests": [pr.to_json() for pr in prs]}
    tmp.write_text(json.dumps(payload, indent=2, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)


def policy(origin: Path) -> str:
    """How this team merges PRs (the exercise sets it; a merge commit by default)."""
    path = meta_dir(origin) / "policy.json"
    if path.is_file():
        try:
            method = json.loads(path.read_text(encoding="utf-8")).get("merge_method")
        except ValueError:
            method = None
        if method in METHODS:
            return method
    return "merge"


def set_policy(origin: Path, method: str) -> None:
    (meta_dir(origin) / "policy.json").write_text(
        json.dumps({"merge_method": method}), encoding="utf-8"
    )


def learners(prs: list[PullRequest]) -> list[PullRequest]:
    """The PRs the learner opened (not the scripted teammates')."""
    return [pr for pr in prs if pr.author not in TEAM_AUTHORS]


def find_open(prs: list[PullRequest], branch: str) -> PullRequest | None:
    return next((pr for pr in prs if pr.branch == branch and pr.state == "open"), None)


def by_number(prs: list[PullRequest], number: int) -> PullRequest:
    found = next((pr for pr in prs if pr.number == number), None)
    if found is None:
        raise PrRefused(
            "no-such-pr",
            Text(
                en="There is no PR #{n}. `mergecamp pr list` shows the team's PRs.",
                ko="PR #{n}은(는) 없어요. `mergecamp pr list`로 팀의 PR을 볼 수 있어요.",
            ).format(n=number),
            exit_code=2,
        )
    return found


def _branch_head(reader: GitReader, branch: str) -> str:
    head = reader.ref(f"refs/heads/{branch}")
    if head is None:
        raise PrRefused(
            "not-pushed",
            Text(
                en="`{branch}` is not on origin yet. Push it first: `git push -u origin {branch}`.",
                ko=(
                    "`{branch}`은(는) 아직 origin에 없어요. 먼저 푸시해요: `git push -u origin "
                    "{branch}`."
                ),
            ).format(branch=branch),
            exit_code=2,
        )
    return head


def default_title(reader: GitReader, base_sha: str, head: str, branch: str) -> str:
    """The newest own commit's subject that is not a merge's (a forge's default)."""
    for commit in reader.log(f"{base_sha}..{head}"):
        if len(commit.parents) < 2 and not is_merge_subject(commit.subject):
            return commit.subject
    return branch


def template_body(reader: GitReader, head: str) -> str:
    """The project's PR template at the branch's head, as a forge pre-fills it."""
    for path in pr_body.TEMPLATE_PATHS:
        text = reader.read_text(head, path)
        if text is not None:
            return text
    return ""


def _run_review(
    origin: Path, pr: PullRequest, with_ci: bool, stage: ci_mod.Stage | None = None
) -> None:
    """Review ``pr`` at origin's current heads; CI runs once per tree (``team.ci``)."""
    reader = GitReader(origin)
    cached = ci_mod.CiResult.from_json(pr.ci) if pr.ci else None

    def run_ci(sha: str) -> ci_mod.CiResult:
        nonlocal cached
        if cached is None or cached.sha != sha:
            cached = ci_mod.run(origin, sha, pr.branch, f"refs/heads/{pr.base}", stage=stage)
        return cached

    pr.head = _branch_head(reader, pr.branch)
    pr.base_head = reader.ref(f"refs/heads/{pr.base}") or ""
    fork = reader.merge_base(pr.base_head, pr.head) or pr.base_head
    reviewer = owners.reviewer_for(
        reader, pr.base_head, reader.changed_paths(fork, pr.head), pr.author
    )
    pr.reviewer = reviewer.name
    findings = review(
        origin, pr.branch, pr.title, pr.base, ci=run_ci if with_ci else None, body=pr.body
    )
    pr.findings = [f.to_json() for f in findings]
    pr.ci = cached.to_json() if cached else None
    pr.approved_head = pr.head if not findings else None


def open_pr(
    origin: Path,
    branch: str,
    title: str | None,
    author: str,
    base: str = "main",
    with_ci: bool = True,
    body: str | None = None,
    stage: ci_mod.Stage | None = None,
) -> PullRequest:
    """Open a PR for ``branch`` (or refresh the open one) and review it."""
    if branch == base:
        raise PrRefused(
            "on-base",
            Text(
                en=(
                    "You are on `{base}`: a PR brings a branch into {base}. Put your work "
                    "on a branch (`git switch -c exp/<idea>`), push it, and open the PR there."
                ),
                ko=(
                    "지금 `{base}`에 있어요. PR은 다른 브랜치를 {base}(으)로 가져오는 거예요. "
                    "작업을 브랜치에 올리고(`git switch -c exp/<idea>`) 푸시한 뒤 거기서 "
                    "PR을 열어요."
                ),
            ).format(base=base),
            exit_code=2,
        )
    reader = GitReader(origin)
    head = _branch_head(reader, branch)
    base_sha = reader.ref(f"refs/heads/{base}")
    if base_sha is None:
        raise PrRefused(
            "no-base",
            Text(
                en="origin has no `{base}` branch to merge into.",
                ko="origin에 머지할 대상인 `{base}` 브랜치가 없어요.",
            ).format(base=base),
            exit_code=2,
        )
    prs = load_all(origin)
    pr = find_open(prs, branch)
    if pr is None:
        merged = [p for p in prs if p.branch == branch and p.state == "merged"]
        if merged and reader.is_ancestor(head, base_sha):
            raise PrRefused(
                "already-merged",
                Text(
                    en=(
                        "`{branch}` is already in {base} (PR #{n} merged it) and has nothing "
                        "new: there is nothing to open. Delete the branch (`git push origin "
                        "--delete {branch}`) and start the next change from a fresh branch."
                    ),
                    ko=(
                        "`{branch}`은(는) 이미 {base}에 들어갔고(PR #{n}) 새 커밋이 없어요. "
                        "열 PR이 없어요. 브랜치를 지우고(`git push origin --delete {branch}`) "
                        "다음 변경은 새 브랜치에서 시작해요."
                    ),
                ).format(branch=branch, base=base, n=merged[-1].number),
            )
        pr = PullRequest(
            len(prs) + 1,
            branch,
            base,
            title or default_title(reader, base_sha, head, branch),
            author,
            body=body if body is not None else template_body(reader, head),
        )
        prs.append(pr)
    else:
        if title:
            pr.title = title
        if body is not None:
            pr.body = body
    _run_review(origin, pr, with_ci, stage)
    save_all(origin, prs)
    return pr


def sweep(origin: Path) -> list[PullRequest]:
    """All PRs, with those whose branch was deleted on origin closed."""
    prs = load_all(origin)
    reader = GitReader(origin)
    changed = False
    for pr in prs:
        if pr.state == "open" and reader.ref(f"refs/heads/{pr.branch}") is None:
            pr.state, pr.closed_reason, pr.branch_deleted = "closed", "branch-deleted", True
            changed = True
    if changed:
        save_all(origin, prs)
    return prs


def refresh(
    origin: Path, pr: PullRequest, with_ci: bool = True, stage: ci_mod.Stage | None = None
) -> PullRequest:
    """Review again if the branch or its base moved on origin since the last review."""
    prs = sweep(origin)
    current = next(p for p in prs if p.number == pr.number)
    if current.state != "open":
        return current
    reader = GitReader(origin)
    moved = reader.ref(f"refs/heads/{current.branch}") != current.head
    base_moved = reader.ref(f"refs/heads/{current.base}") != current.base_head
    if moved or base_moved:
        _run_review(origin, current, with_ci, stage)
        save_all(origin, prs)
    return current


def close(origin: Path, number: int) -> PullRequest:
    prs = sweep(origin)
    pr = by_number(prs, number)
    if pr.state != "open":
        raise PrRefused(
            "not-open",
            Text(
                en="PR #{n} is {state}, not open: there is nothing to close.",
                ko="PR #{n}은(는) 열려 있지 않아요({state}). 닫을 게 없어요.",
            ).format(n=number, state=pr.state),
        )
    pr.state, pr.closed_reason = "closed", "closed"
    save_all(origin, prs)
    return pr


def reopen(origin: Path, number: int) -> PullRequest:
    prs = sweep(origin)
    pr = by_number(prs, number)
    if pr.state != "closed":
        raise PrRefused(
            "not-closed",
            Text(
                en="PR #{n} is {state}: only a closed PR can be reopened.",
                ko="PR #{n}은(는) {state} 상태예요. 닫힌 PR만 다시 열 수 있어요.",
            ).format(n=number, state=pr.state),
        )
    if GitReader(origin).ref(f"refs/heads/{pr.branch}") is None:
        raise PrRefused(
            "branch-gone",
            Text(
                en=(
                    "PR #{n}'s branch `{branch}` is gone from origin. Push it again "
                    "(`git push -u origin {branch}`), then reopen."
                ),
                ko=(
                    "PR #{n}의 브랜치 `{branch}`이(가) origin에 없어요. 다시 푸시하고"
                    "(`git push -u origin {branch}`) 다시 열어요."
                ),
            ).format(n=number, branch=pr.branch),
        )
    if find_open(prs, pr.branch) is not None:
        raise PrRefused(
            "already-open",
            Text(
                en="`{branch}` already has an open PR.",
                ko="`{branch}`에는 이미 열린 PR이 있어요.",
            ).format(branch=pr.branch),
        )
    pr.state, pr.closed_reason = "open", None
    pr.head = ""  # reviewed anew on the next look
    save_all(origin, prs)
    return pr


def update_branch(
    origin: Path, number: int, merger: tuple[str, str], date: str | None = None
) -> PullRequest:
    """Merge the base into the PR's branch on origin; the approval goes with the old head."""
    prs = sweep(origin)
    pr = by_number(prs, number)
    _must_be_open(pr)
    reader = GitReader(origin)
    head = _branch_head(reader, pr.branch)
    base_sha = reader.ref(f"refs/heads/{pr.base}") or ""
    if reader.is_ancestor(base_sha, head):
        raise PrRefused(
            "up-to-date",
            Text(
                en="`{branch}` already has everything `{base}` has: nothing to update.",
                ko="`{branch}`에는 `{base}`의 커밋이 이미 다 있어요. 갱신할 게 없어요.",
            ).format(branch=pr.branch, base=pr.base),
        )
    pr_merge.update_branch(
        origin, branch=pr.branch, base=pr.base, head=head, merger=merger, date=date
    )
    pr.approved_head = None
    save_all(origin, prs)
    return pr


def _must_be_open(pr: PullRequest) -> None:
    if pr.state != "open":
        raise PrRefused(
            "not-open",
            Text(
                en="PR #{n} is {state}, not open.",
                ko="PR #{n}은(는) 열려 있지 않아요({state}).",
            ).format(n=pr.number, state=pr.state),
        )


def merge(
    origin: Path,
    branch: str,
    merger: tuple[str, str],
    method: str | None = None,
    with_ci: bool = True,
    *,
    delete_branch: bool = False,
    date: str | None = None,
    stage: ci_mod.Stage | None = None,
) -> PullRequest:
    """Merge the open PR of ``branch`` into its base on origin, re-checking at merge time:
    a moved head dismisses the approval, a moved base asks for an update first."""
    prs = sweep(origin)
    pr = find_open(prs, branch)
    if pr is None:
        raise PrRefused(
            "no-open-pr",
            Text(
                en="`{branch}` has no open PR. Open one first: `mergecamp pr open`.",
                ko="`{branch}`에는 열린 PR이 없어요. 먼저 `mergecamp pr open`으로 열어요.",
            ).format(branch=branch),
            exit_code=2,
        )
    reader = GitReader(origin)
    approved_before = pr.approved_head
    head_now = _branch_head(reader, branch)
    base_now = reader.ref(f"refs/heads/{pr.base}") or ""
    if head_now != pr.head or base_now != pr.base_head:
        _run_review(origin, pr, with_ci, stage)
        save_all(origin, prs)
    if approved_before is not None and approved_before != head_now:
        raise PrRefused(
            "approval-dismissed",
            Text(
                en=(
                    "PR #{n}: {reviewer} approved {old}, but the branch moved to {new} since. "
                    "A push dismisses an approval: the new commits were reviewed again "
                    "(`mergecamp pr status`); merge once they are approved."
                ),
                ko=(
                    "PR #{n}: {reviewer}이(가) 승인한 건 {old}인데 그 뒤 브랜치가 {new}(으)로 "
                    "움직였어요. 푸시하면 승인이 취소돼요. 새 커밋을 다시 리뷰했으니"
                    "(`mergecamp pr status`) 승인된 뒤에 머지해요."
                ),
            ).format(n=pr.number, reviewer=pr.reviewer, old=approved_before[:7], new=head_now[:7]),
        )
    if pr.findings:
        ids = [f["id"] for f in pr.findings]
        code = "behind-main" if ids == ["behind-main"] else "review-open"
        raise PrRefused(
            code,
            Text(
                en=(
                    "PR #{n} cannot be merged yet: {reviewer}'s review has {k} open comment(s) "
                    "({ids}). See `mergecamp pr status`; fix them and push (behind main: "
                    "`mergecamp pr update`)."
                ),
                ko=(
                    "PR #{n}은(는) 아직 머지할 수 없어요. {reviewer}의 리뷰 코멘트가 {k}개 "
                    "남아 있어요({ids}). `mergecamp pr status`로 보고 고친 뒤 푸시해요"
                    "(main보다 뒤처졌다면 `mergecamp pr update`)."
                ),
            ).format(n=pr.number, reviewer=pr.reviewer, k=len(ids), ids=", ".join(ids)),
        )
    method = method or policy(origin)
    made = pr_merge.write(
        origin,
        number=pr.number,
        branch=pr.branch,
        base=pr.base,
        head=pr.head,
        title=pr.title,
        method=method,
        merger=merger,
        date=date,
    )
    pr.merged_commit = made[-1]
    pr.merge_method = method
    pr.state = "merged"
    if len(made) > 1:
        _remember_team_made(origin, made)
    if delete_branch:
        from mergecamp.gitcmd import git

        git(origin, "update-ref", "-d", f"refs/heads/{pr.branch}", pr.head)
        pr.branch_deleted = True
    save_all(origin, prs)
    return pr


def _remember_team_made(origin: Path, shas: list[str]) -> None:
    """A rebase puts several commits on main; the invariants count them as the PR's."""
    from mergecamp.team.checking import add_scripted

    add_scripted(origin, shas)
