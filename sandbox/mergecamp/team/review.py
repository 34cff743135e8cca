"""The pull-request review: a reviewer's comments on a pushed branch, one per problem.

The rules are not re-implemented here: branch names, commit messages and artifacts are
judged by the conventions hooks (``mergecamp_hooks``), the same code that guards the
learner's own commits, and CI runs the project's own hooks and tests (``team.ci``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mergecamp import project_tests
from mergecamp.gitcmd import git
from mergecamp.i18n import Text
from mergecamp.team import conventions
from mergecamp.team.ci import CiResult
from mergecamp.team.origin import commits, is_ancestor, ref


@dataclass(frozen=True)
class Finding:
    """One reviewer comment: a stable id (tests, ``--json``) and what to do about it."""

    id: str
    text: Text

    def to_json(self) -> dict:
        return {"id": self.id, "en": self.text.en, "ko": self.text.ko}

    @classmethod
    def from_json(cls, data: dict) -> Finding:
        return cls(data["id"], Text(en=data["en"], ko=data["ko"]))


def review(
    origin: Path,
    branch: str,
    title: str,
    base: str = "main",
    ci: Callable[[str], CiResult] | None = None,
) -> list[Finding]:
    """Review origin's ``branch`` against origin's ``base``; ``ci(sha)`` runs CI when given.

    Returns no findings for a branch ready to merge.
    """
    head = ref(origin, f"refs/heads/{branch}")
    base_sha = ref(origin, f"refs/heads/{base}")
    assert head is not None and base_sha is not None, "callers check that both refs exist"
    own = commits(origin, f"{base_sha}..{head}")
    if not own:
        return [_empty(branch, base)]
    findings: list[Finding] = []
    findings += _branch_name(branch)
    findings += _title(title)
    findings += _commit_messages(origin, base_sha, head)
    findings += _behind(origin, base, base_sha, head)
    findings += _artifacts(origin, base_sha, head)
    if ci is not None:
        findings += _ci(ci(head))
    return findings


def _fill(template: Text, problem: Text, **fields: object) -> Text:
    """``template`` with ``{problem}`` filled per language and the other fields as given."""
    return Text(
        en=template.en.format(problem=problem.en, **fields),
        ko=template.ko.format(problem=problem.ko, **fields),
    )


def _empty(branch: str, base: str) -> Finding:
    return Finding(
        "empty",
        Text(
            en=(
                "`{branch}` has no commits that `{base}` does not already have, so there is "
                "nothing to review. Commit your change, `git push`, then `mergecamp pr open`."
            ),
            ko=(
                "`{branch}`에 `{base}`에 없는 커밋이 하나도 없어서 리뷰할 게 없어요. 변경을 "
                "커밋하고 `git push`한 뒤 `mergecamp pr open`을 해요."
            ),
        ).format(branch=branch, base=base),
    )


def _branch_name(branch: str) -> list[Finding]:
    problem = conventions.branch_problem(branch)
    if problem is None:
        return []
    suggestion = conventions.suggest_branch(branch)
    return [
        Finding(
            "branch-name",
            _fill(
                Text(
                    en=(
                        "The branch name `{branch}` does not follow our convention "
                        "(`<type>/<topic>`, e.g. `exp/gru-encoder`): {problem}\n"
                        "Fix: `git branch -m {branch} {new}` then `git push -u origin {new}` and "
                        "`git push origin --delete {branch}`, then open the PR from `{new}`."
                    ),
                    ko=(
                        "브랜치 이름 `{branch}`가 팀 규칙(`<type>/<topic>`, 예: "
                        "`exp/gru-encoder`)에 "
                        "맞지 않아요: {problem}\n"
                        "고치는 법: `git branch -m {branch} {new}` 후 `git push -u origin {new}`, "
                        "`git push origin --delete {branch}`를 하고 `{new}`에서 PR을 다시 열어요."
                    ),
                ),
                problem,
                branch=branch,
                new=suggestion,
            ),
        )
    ]


def _title(title: str) -> list[Finding]:
    problem = conventions.message_problem(title)
    if problem is None:
        return []
    return [
        Finding(
            "title",
            _fill(
                Text(
                    en=(
                        'The PR title "{title}" is not a conventional commit subject, and it '
                        "becomes the commit message if we squash: {problem}\n"
                        'Fix: `mergecamp pr open --title "feat(model): add a GRU encoder"`.'
                    ),
                    ko=(
                        'PR 제목 "{title}"이 Conventional Commits 형식이 아니에요. 스쿼시하면 이 '
                        "제목이 커밋 메시지가 돼요: {problem}\n"
                        '고치는 법: `mergecamp pr open --title "feat(model): GRU 인코더 추가"`.'
                    ),
                ),
                problem,
                title=title,
            ),
        )
    ]


def _commit_messages(origin: Path, base_sha: str, head: str) -> list[Finding]:
    findings = []
    for commit in reversed(commits(origin, f"{base_sha}..{head}")):
        message = git(origin, "log", "-1", "--format=%B", commit.sha)
        problem = conventions.message_problem(message)
        if problem is None:
            continue
        findings.append(
            Finding(
                "commit-message",
                _fill(
                    Text(
                        en=(
                            'Commit {short} "{subject}" is not a conventional commit: {problem}\n'
                            "Fix: `git rebase -i origin/main`, mark it `reword` and write e.g. "
                            "`fix(model): clip gradients`, then `git push --force-with-lease`."
                        ),
                        ko=(
                            '커밋 {short} "{subject}"이 Conventional Commits 형식이 아니에요: '
                            "{problem}\n"
                            "고치는 법: `git rebase -i origin/main`에서 그 커밋을 `reword`로 바꿔 "
                            "`fix(model): 그래디언트 클리핑` 같은 메시지로 쓰고 "
                            "`git push --force-with-lease`를 해요."
                        ),
                    ),
                    problem,
                    short=commit.sha[:7],
                    subject=commit.subject,
                ),
            )
        )
    return findings


def _behind(origin: Path, base: str, base_sha: str, head: str) -> list[Finding]:
    if is_ancestor(origin, base_sha, head):
        return []
    missing = commits(origin, f"{head}..{base_sha}")
    authors = ", ".join(sorted({c.author_name for c in missing}))
    return [
        Finding(
            "behind-main",
            Text(
                en=(
                    "This branch is behind `{base}`: origin/{base} has {n} commit(s) it does "
                    "not contain (by {authors}). CI must test your change together with "
                    "theirs.\nFix: `git fetch origin` and `git merge origin/{base}` (or "
                    "`git rebase origin/{base}` and `git push --force-with-lease`), then "
                    "`git push`."
                ),
                ko=(
                    "이 브랜치는 `{base}`보다 뒤처져 있어요: origin/{base}에 이 브랜치에 없는 "
                    "커밋이 {n}개 있어요 (작성자: {authors}). CI는 내 변경과 그 변경을 함께 "
                    "테스트해야 해요.\n고치는 법: `git fetch origin` 후 `git merge origin/{base}` "
                    "(또는 `git rebase origin/{base}` 후 `git push --force-with-lease`), 그리고 "
                    "`git push`를 해요."
                ),
            ).format(base=base, n=len(missing), authors=authors),
        )
    ]


def _artifacts(origin: Path, base_sha: str, head: str) -> list[Finding]:
    out = git(origin, "diff", "--name-only", "--diff-filter=AM", f"{base_sha}...{head}")
    sizes = _sizes(origin, head, out.splitlines())
    findings = []
    for path, reason in conventions.artifact_problems(sizes):
        findings.append(
            Finding(
                "artifacts",
                _fill(
                    Text(
                        en=(
                            "`{path}` should not be in git: {problem}\n"
                            "Fix: `git rm --cached {path}`, add it to .gitignore, commit "
                            "(`chore: stop tracking {name}`) and `git push`."
                        ),
                        ko=(
                            "`{path}`는 git에 들어가면 안 돼요: {problem}\n"
                            "고치는 법: `git rm --cached {path}`, .gitignore에 추가, 커밋"
                            "(`chore: stop tracking {name}`) 후 `git push`를 해요."
                        ),
                    ),
                    reason,
                    path=path,
                    name=Path(path).name,
                ),
            )
        )
    return findings


def _sizes(origin: Path, head: str, paths: list[str]) -> dict[str, int]:
    sizes: dict[str, int] = {}
    for path in paths:
        line = git(origin, "ls-tree", "-l", head, "--", path)
        if not line:
            continue  # removed again later on the branch
        size = line.split()[3]
        sizes[path] = int(size) if size.isdigit() else 0
    return sizes


def _ci(result: CiResult) -> list[Finding]:
    if result.passed:
        return []
    return [
        Finding(
            "ci",
            Text(
                en=(
                    "CI failed on {short}: {jobs}.\n{log}\n"
                    "Fix: run `pre-commit run --all-files` and "
                    "`{tests}` in your clone, fix what they "
                    "report, commit and `git push`."
                ),
                ko=(
                    "{short}에서 CI가 실패했어요: {jobs}.\n{log}\n"
                    "고치는 법: 내 클론에서 `pre-commit run --all-files`와 "
                    "`{tests}`를 실행해서 나온 문제를 고치고, "
                    "커밋한 뒤 `git push`를 해요."
                ),
            ).format(
                short=result.sha[:7],
                jobs=", ".join(result.failed),
                log=_indent(result.log),
                tests=project_tests.COMMAND,
            ),
        )
    ]


def _indent(log: str) -> str:
    lines = [line for line in log.strip().splitlines() if line.strip()][-15:]
    return "\n".join("    " + line for line in lines)
