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
from mergecamp.gitread import Commit, GitReader
from mergecamp.i18n import Text
from mergecamp.team import conventions, pr_body, topics, undone
from mergecamp.team.ci import CiResult


@dataclass(frozen=True)
class Finding:
    """One reviewer comment: a stable id (tests, ``--json``), what to do about it, and
    the file and line it is about when it is about one."""

    id: str
    text: Text
    path: str | None = None
    line: int | None = None

    def to_json(self) -> dict:
        data: dict = {"id": self.id, "en": self.text.en, "ko": self.text.ko}
        if self.path is not None:
            data["path"] = self.path
            data["line"] = self.line
        return data

    @classmethod
    def from_json(cls, data: dict) -> Finding:
        return cls(
            data["id"], Text(en=data["en"], ko=data["ko"]), data.get("path"), data.get("line")
        )


def review(
    origin: Path,
    branch: str,
    title: str,
    base: str = "main",
    ci: Callable[[str], CiResult] | None = None,
    body: str | None = None,
) -> list[Finding]:
    """Review origin's ``branch`` against origin's ``base``; ``ci(sha)`` runs CI when given.

    ``body`` is the PR's description (``None``: not judged). Returns no findings for a
    branch ready to merge.
    """
    reader = GitReader(origin)
    head = reader.ref(f"refs/heads/{branch}")
    base_sha = reader.ref(f"refs/heads/{base}")
    assert head is not None and base_sha is not None, "callers check that both refs exist"
    own = reader.log(f"{base_sha}..{head}")
    if not own:
        return [_empty(branch, base)]
    findings: list[Finding] = []
    findings += _branch_name(branch)
    findings += _title(title)
    if body is not None:
        findings += _body(branch, title, body)
    findings += _commit_messages(own)
    findings += _behind(reader, base, base_sha, head)
    findings += _conflict(reader, branch, base, base_sha, head)
    findings += _artifacts(reader, base_sha, head)
    findings += _off_topic(reader, title, base_sha, head)
    findings += _undone(reader, base_sha, head)
    if ci is not None:
        findings += _ci(ci(head))
    return findings


def _fill(template: Text, problem: Text, **fields: object) -> Text:
    """``template`` with ``{problem}`` filled per language and the other fields as given."""
    return template.format(problem=problem, **fields)


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
                        "브랜치 이름 `{branch}`이(가) 팀 규칙(`<type>/<topic>`, 예: "
                        "`exp/gru-encoder`)에 "
                        "맞지 않아요: {problem}\n"
                        "고치는 법: `git branch -m {branch} {new}` 후 `git push -u origin {new}`, "
                        "`git push origin --delete {branch}`을(를) 하고 "
                        "`{new}`에서 PR을 다시 열어요."
                    ),
                ),
                problem,
                branch=branch,
                new=suggestion,
            ),
        )
    ]


def is_merge_subject(title: str) -> bool:
    """Git's own merge subjects ("Merge branch …", "Merge remote-tracking branch …")."""
    return title.strip().startswith(("Merge branch ", "Merge remote-tracking branch ", "Merge "))


def _title(title: str) -> list[Finding]:
    if is_merge_subject(title):
        return [
            Finding(
                "title-merge",
                Text(
                    en=(
                        'The PR title "{title}" is a merge commit\'s subject: it says how the '
                        "branch was updated, not what the PR changes, and a squash would write "
                        "it on main.\n"
                        'Fix: `mergecamp pr open --title "exp(model): try a GRU encoder"`.'
                    ),
                    ko=(
                        'PR 제목 "{title}"은(는) 머지 커밋의 제목이에요. 브랜치를 어떻게 '
                        "갱신했는지일 뿐 PR이 무엇을 바꾸는지는 말하지 않고, 스쿼시하면 이 "
                        "제목이 main에 남아요.\n"
                        '고치는 법: `mergecamp pr open --title "exp(model): GRU 인코더 실험"`.'
                    ),
                ).format(title=title),
            )
        ]
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
                        'PR 제목 "{title}"은(는) Conventional Commits 형식이 아니에요. 스쿼시하면 '
                        "이 제목이 커밋 메시지가 돼요: {problem}\n"
                        '고치는 법: `mergecamp pr open --title "feat(model): GRU 인코더 추가"`.'
                    ),
                ),
                problem,
                title=title,
            ),
        )
    ]


def _body(branch: str, title: str, body: str) -> list[Finding]:
    if not pr_body.is_experiment(branch, title) or not pr_body.results_missing(body):
        return []
    return [
        Finding(
            "body-results",
            Text(
                en=(
                    "This is an experiment PR, but its description has no experiment result: "
                    "the team decides from the numbers whether it reaches main. Fill in the "
                    "template's results section (config, baseline, metric).\n"
                    "Fix: write the PR body in a file from `.github/pull_request_template.md`, "
                    "e.g. `val/loss 0.42 → 0.37 (configs/default.yaml, arch: gru)` under "
                    "the results heading, then `mergecamp pr open --body-file pr.md`."
                ),
                ko=(
                    "실험 PR인데 설명에 실험 결과가 없어요. 팀은 그 숫자를 보고 main에 넣을지 "
                    "정해요. 템플릿의 실험 결과 칸(설정, 비교 대상, 지표)을 채워 주세요.\n"
                    "고치는 법: `.github/pull_request_template.md`를 복사한 파일의 실험 결과 "
                    "칸에 `val/loss 0.42 → 0.37 (configs/default.yaml, arch: gru)`처럼 적고 "
                    "`mergecamp pr open --body-file pr.md`를 해요."
                ),
            ),
        )
    ]


def _commit_messages(own: list[Commit]) -> list[Finding]:
    findings = []
    for commit in reversed(own):
        problem = conventions.message_problem(commit.message)
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
                            '커밋 {short} "{subject}"은(는) Conventional Commits 형식이 아니에요: '
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


def _behind(reader: GitReader, base: str, base_sha: str, head: str) -> list[Finding]:
    if reader.is_ancestor(base_sha, head):
        return []
    missing = reader.log(f"{head}..{base_sha}")
    authors = ", ".join(sorted({c.author_name for c in missing}))
    return [
        Finding(
            "behind-main",
            Text(
                en=(
                    "This branch is behind `{base}`: origin/{base} has {n} commit(s) it does "
                    "not contain (by {authors}). CI must test your change together with "
                    "theirs.\nFix: `mergecamp pr update` (merges origin/{base} into the branch "
                    "on origin), or `git fetch origin`, `git merge origin/{base}` and `git push`."
                ),
                ko=(
                    "이 브랜치는 `{base}`보다 뒤처져 있어요. origin/{base}에 이 브랜치에 없는 "
                    "커밋이 {n}개 있어요(작성자: {authors}). CI는 내 변경과 그 변경을 함께 "
                    "테스트해야 해요.\n고치는 법: `mergecamp pr update`(origin에서 "
                    "origin/{base}을(를) 브랜치로 머지해요), 또는 `git fetch origin`, "
                    "`git merge origin/{base}` 후 `git push`를 해요."
                ),
            ).format(base=base, n=len(missing), authors=authors),
        )
    ]


def conflicts(reader: GitReader, base_sha: str, head: str) -> list[str] | None:
    """The paths that conflict when ``head`` merges into ``base_sha`` (``None``: none)."""
    if reader.ok("merge-tree", "--write-tree", base_sha, head):
        return None
    out = git(
        reader.path,
        "merge-tree", "--write-tree", "--name-only", "--no-messages", base_sha, head,
        check=False,
    )  # fmt: skip
    return sorted({line for line in out.splitlines()[1:] if line}) or [""]


def _conflict(reader: GitReader, branch: str, base: str, base_sha: str, head: str) -> list[Finding]:
    paths = conflicts(reader, base_sha, head)
    if paths is None:
        return []
    where = ", ".join(f"`{p}`" for p in paths if p) or "?"
    return [
        Finding(
            "conflict",
            Text(
                en=(
                    "This branch conflicts with `{base}` ({where}): it cannot be merged as it "
                    "is.\nFix: `git switch {branch} && git fetch origin && git merge "
                    "origin/{base}`, resolve keeping both sides' intent, commit and `git push`."
                ),
                ko=(
                    "이 브랜치는 `{base}`과(와) 충돌해요({where}). 이대로는 머지할 수 없어요.\n"
                    "고치는 법: `git switch {branch} && git fetch origin && git merge "
                    "origin/{base}`(으)로 양쪽 의도를 모두 살려 해결하고, "
                    "커밋한 뒤 `git push`를 해요."
                ),
            ).format(base=base, branch=branch, where=where),
            path=next((p for p in paths if p), None),
        )
    ]


def _artifacts(reader: GitReader, base_sha: str, head: str) -> list[Finding]:
    """Artifacts anywhere in the branch's history: a blob reaches main's history even when
    a later commit stops tracking it."""
    sizes = _history_blobs(reader, base_sha, head)
    findings = []
    for path, reason in conventions.artifact_problems(sizes):
        added = reader.run(
            "log", "--format=%h", "--diff-filter=A", f"{base_sha}..{head}", "--", path
        ).split()
        commit = added[-1] if added else "?"
        if reader.read(head, path) is not None:
            template = Text(
                en=(
                    "`{path}` should not be in git: {problem}\n"
                    "Fix: `git rm --cached {path}`, add it to .gitignore, then take it out of "
                    "the branch's history too (it came in with {commit}): `git rebase -i "
                    "origin/main` and edit that commit, then `git push --force-with-lease`."
                ),
                ko=(
                    "`{path}`은(는) git에 들어가면 안 돼요: {problem}\n"
                    "고치는 법: `git rm --cached {path}`, .gitignore에 추가한 뒤 브랜치 "
                    "히스토리에서도 빼야 해요({commit}에서 들어왔어요). `git rebase -i "
                    "origin/main`으로 그 커밋을 고치고 `git push --force-with-lease`를 해요."
                ),
            )
        else:
            template = Text(
                en=(
                    "`{path}` was committed in {commit} and untracked later, but it is still "
                    "in the branch's history: merging brings it into main's history for good "
                    "(every clone downloads it). {problem}\n"
                    "Fix: rewrite the branch without it: `git rebase -i origin/main`, drop "
                    "{commit} or edit it to leave the file out, then `git push "
                    "--force-with-lease`."
                ),
                ko=(
                    "`{path}`은(는) {commit}에서 커밋됐다가 나중에 추적을 멈췄지만, 브랜치 "
                    "히스토리에는 그대로 있어요. 머지하면 main 히스토리에 영원히 남아요(모든 "
                    "클론이 내려받아요). {problem}\n"
                    "고치는 법: 그 파일 없이 브랜치를 다시 써요. `git rebase -i origin/main`에서 "
                    "{commit}을(를) 빼거나 파일을 뺀 커밋으로 고친 뒤 "
                    "`git push --force-with-lease`를 해요."
                ),
            )
        text = _fill(template, reason, path=path, commit=commit)
        findings.append(Finding("artifacts", text, path))
    return findings


def _history_blobs(reader: GitReader, base_sha: str, head: str) -> dict[str, int]:
    """path -> size of every file version the branch brings that main lacks."""
    listed = reader.run("rev-list", "--objects", "--no-object-names", head, f"^{base_sha}")
    shas = listed.split()
    if not shas:
        return {}
    named = reader.run("rev-list", "--objects", head, f"^{base_sha}")
    paths = {}
    for line in named.splitlines():
        sha, _, path = line.partition(" ")
        if path:
            paths[sha] = path
    sizes: dict[str, int] = {}
    for sha, path in paths.items():
        kind_size = reader.run("cat-file", "-t", sha)
        if kind_size != "blob":
            continue
        size = int(reader.run("cat-file", "-s", sha))
        sizes[path] = max(size, sizes.get(path, 0))
    return sizes


def _off_topic(reader: GitReader, title: str, base_sha: str, head: str) -> list[Finding]:
    fork = reader.merge_base(base_sha, head) or base_sha
    found = topics.off_topic(title, reader.changed_paths(fork, head))
    findings = []
    for path, area in found.items():
        line = _first_changed_line(reader, fork, head, path)
        findings.append(
            Finding(
                "off-topic",
                Text(
                    en=(
                        "{path}:{line}: this PR is about {topic}, but it also changes the "
                        "{area} code. A reviewer cannot judge two changes at once, and "
                        "reverting one would revert both.\n"
                        "Fix: take it out of this branch (`git restore --source origin/main "
                        "{path}`, commit, push) and put it on its own branch and PR."
                    ),
                    ko=(
                        "{path}:{line}: 이 PR의 주제는 {topic}인데 {area} 코드도 바꿔요. 리뷰어는 "
                        "두 변경을 한 번에 판단할 수 없고, 하나를 되돌리면 둘 다 되돌아가요.\n"
                        "고치는 법: 이 브랜치에서 빼고(`git restore --source origin/main "
                        "{path}`, 커밋, 푸시) 따로 브랜치와 PR을 만들어요."
                    ),
                ).format(
                    path=path,
                    line=line,
                    area=area,
                    topic="/".join(sorted(topics.topic_areas(title))),
                ),
                path,
                line,
            )
        )
    return findings


def _first_changed_line(reader: GitReader, old: str, new: str, path: str) -> int:
    out = reader.run("diff", "--no-color", "--no-ext-diff", "-U0", old, new, "--", path)
    for line in out.splitlines():
        if line.startswith("@@"):
            plus = line.split("+", 1)[1].split(" ", 1)[0]
            return max(1, int(plus.split(",")[0]))
    return 1


def _undone(reader: GitReader, base_sha: str, head: str) -> list[Finding]:
    findings = []
    for lost in undone.undone_lines(reader, base_sha, head):
        findings.append(
            Finding(
                "undone",
                Text(
                    en=(
                        '{path}:{line}: this PR takes back {short} "{subject}" by {author}, '
                        "which main gained since the branch started: main has `{text}` there, "
                        "the branch does not. A merge resolution that keeps only your side "
                        "throws their work away.\n"
                        "Fix: put their line back (`git show {short} -- {path}`), keep your own "
                        "change too, commit and `git push`."
                    ),
                    ko=(
                        "{path}:{line}: 이 PR은 브랜치를 만든 뒤 main에 들어온 {author}의 {short} "
                        '"{subject}"을(를) 되돌려요. main에는 그 자리에 `{text}`이(가) 있는데 '
                        "브랜치에는 없어요. 머지 충돌을 내 쪽만 남기고 해결하면 팀원의 작업이 "
                        "사라져요.\n"
                        "고치는 법: 그 줄을 되살리고(`git show {short} -- {path}`) 내 변경도 "
                        "지킨 채 커밋하고 `git push`를 해요."
                    ),
                ).format(
                    path=lost.path,
                    line=lost.line,
                    short=lost.commit.sha[:7],
                    subject=lost.commit.subject,
                    author=lost.commit.author_name,
                    text=lost.text.strip(),
                ),
                lost.path,
                lost.line,
            )
        )
    return findings


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
                    "`{tests}`을(를) 실행해서 나온 문제를 고치고, "
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
    lines = [line for line in log.strip().splitlines() if line.strip()][-30:]
    return "\n".join("    " + line for line in lines)
