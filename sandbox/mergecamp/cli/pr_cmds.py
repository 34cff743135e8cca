"""``mergecamp pr open|status|merge``: pull requests on the team's local origin.

Run from inside a clone whose ``origin`` is a local path (every team exercise's clone).
The commands read what origin holds, like a forge would; the heavy lifting is in
``mergecamp.team.pull_requests``.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from mergecamp import escape
from mergecamp.cli.app import Context, main, pass_context
from mergecamp.errors import MergecampError
from mergecamp.i18n import Text


@main.group("pr")
def pr_group() -> None:
    """Pull requests on the team's origin. / 팀 origin에서 PR을 열고 머지해요."""


def _here() -> tuple[Path, Path, str]:
    """(clone root, origin path, current branch) or a clear error."""
    from mergecamp.gitcmd import GitFailed, git
    from mergecamp.team import origin as origin_mod

    try:
        root = Path(git(Path.cwd(), "rev-parse", "--show-toplevel")).resolve()
    except GitFailed:
        raise MergecampError(
            Text(
                en=(
                    "This is not a git repository. `cd` into your clone of the "
                    "team's repository first."
                ),
                ko="여기는 git 저장소가 아니에요. 먼저 팀 저장소의 내 클론으로 `cd` 해요.",
            )
        ) from None
    if (root.parent / origin_mod.ORIGIN_DIR).is_dir() and root.parent.name.endswith("-team"):
        raise MergecampError(
            Text(
                en=(
                    "{root} is a teammate's clone, not yours. Work in your own clone: `cd {mine}`."
                ),
                ko=(
                    "{root}는 팀원의 클론이에요, 내 것이 아니에요. 내 클론에서 작업해요: `cd "
                    "{mine}`."
                ),
            ).format(root=root, mine=root.parent.parent / root.parent.name.removesuffix("-team"))
        )
    origin = origin_mod.remote_path(root)
    if origin is None:
        raise MergecampError(
            Text(
                en=(
                    "This repository has no `origin` on this machine, so there is nowhere to "
                    "open a PR. Check with `git remote -v`."
                ),
                ko=(
                    "이 저장소에는 이 컴퓨터 안의 `origin`이 없어서 PR을 열 곳이 없어요. `git "
                    "remote -v`로 확인해요."
                ),
            )
        )
    problem = origin_mod.problem(origin)
    if problem is not None:
        raise MergecampError(problem)
    try:
        branch = git(root, "symbolic-ref", "--quiet", "--short", "HEAD")
    except GitFailed:
        raise MergecampError(
            Text(
                en=(
                    "HEAD is detached, so there is no branch to open a PR from. "
                    "`git switch <your-branch>` first."
                ),
                ko=(
                    "HEAD가 분리(detached)되어 있어서 PR을 열 브랜치가 없어요. 먼저 `git "
                    "switch <내 브랜치>`를 해요."
                ),
            )
        ) from None
    _tick(root)
    return root, origin, branch


def _tick(root: Path) -> None:
    """Let the team react (the fallback for teammates who act after the learner's push)."""
    from mergecamp.meta import read_meta
    from mergecamp.team.teammates import tick_exercise

    meta = read_meta(root) or read_meta(root.parent)
    if meta:
        exercise = meta["exercise"]
        learner_root = root if read_meta(root) else root.parent
        tick_exercise(exercise, learner_root if (learner_root / ".git").exists() else root)


def _identity(root: Path) -> tuple[str, str]:
    from mergecamp.gitcmd import git

    name = git(root, "config", "user.name", check=False) or "mergecamp reviewer"
    email = git(root, "config", "user.email", check=False) or "reviewer@mergecamp.invalid"
    return name, email


def _unpushed_note(root: Path, branch: str) -> Text | None:
    from mergecamp.gitcmd import git

    count = git(root, "rev-list", "--count", f"refs/remotes/origin/{branch}..HEAD", check=False)
    if count.isdigit() and int(count) > 0:
        return Text(
            en=(
                "Note: {n} commit(s) on `{branch}` are not pushed; the PR "
                "shows origin's copy. `git push` to add them."
            ),
            ko=(
                "참고: `{branch}`에 푸시하지 않은 커밋이 {n}개 있어요. PR은 origin에 있는 것만 "
                "봐요. `git push`로 올려요."
            ),
        ).format(n=count, branch=branch)
    return None


def _pr_line(pr) -> str:  # type: ignore[no-untyped-def]
    """One PR as a line; its branch and title are the learner's words, shown literally."""
    branch, title = escape.terminal(pr.branch), escape.terminal(pr.title)
    return f'PR #{pr.number}  {branch} → {pr.base}  "{title}"  [{pr.state}]'


def _print_pr(ctx: Context, pr, as_json: bool) -> None:  # type: ignore[no-untyped-def]
    if as_json:
        data = pr.to_json()
        data["approved"] = pr.approved
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(_pr_line(pr))
    if pr.state == "merged":
        click.echo(
            ctx.say(
                Text(
                    en=(
                        "Merged as {sha} ({method}). Update your clone: `git switch "
                        "main && git pull`."
                    ),
                    ko=(
                        "{sha}로 머지됐어요 ({method}). 내 클론도 갱신해요: `git switch main "
                        "&& git pull`."
                    ),
                ),
                sha=(pr.merged_commit or "")[:7],
                method=pr.merge_method,
            )
        )
        return
    findings = pr.finding_list()
    if not findings:
        click.echo(
            ctx.say(
                Text(
                    en="✔ Review: approved, CI passed. Merge it with `mergecamp pr merge`.",
                    ko="✔ 리뷰: 승인됐고 CI도 통과했어요. `mergecamp pr merge`로 머지해요.",
                )
            )
        )
        return
    click.echo(
        ctx.say(
            Text(
                en="✘ Review: changes requested ({n} comment(s)).",
                ko="✘ 리뷰: 수정이 필요해요 (코멘트 {n}개).",
            ),
            n=len(findings),
        )
    )
    for i, finding in enumerate(findings, 1):
        body = escape.terminal_lines(ctx.say(finding.text)).replace("\n", "\n     ")
        click.echo(f"  {i}. [{finding.id}] {body}")


@pr_group.command("open")
@click.option("--title", default=None, help="The PR title (a conventional commit subject).")
@click.option("--json", "as_json", is_flag=True, help="Print the PR as JSON.")
@pass_context
def pr_open(ctx: Context, title: str | None, as_json: bool) -> None:
    """Open a PR for the current branch (or update it) and run the review and CI."""
    from mergecamp.team import pull_requests

    root, origin, branch = _here()
    note = _unpushed_note(root, branch)
    pr = pull_requests.open_pr(origin, branch, title, " ".join(_identity(root)))
    if note and not as_json:
        click.echo(ctx.say(note))
    _print_pr(ctx, pr, as_json)
    if pr.findings:
        raise SystemExit(1)


@pr_group.command("status")
@click.option("--json", "as_json", is_flag=True, help="Print the PRs as JSON.")
@pass_context
def pr_status(ctx: Context, as_json: bool) -> None:
    """The PR of the current branch, reviewed again if the branch moved; else all PRs."""
    from mergecamp.team import pull_requests

    _root, origin, branch = _here()
    prs = pull_requests.load_all(origin)
    mine = [p for p in prs if p.branch == branch]
    if not mine:
        if as_json:
            click.echo(json.dumps([p.to_json() for p in prs], ensure_ascii=False, indent=2))
            return
        if not prs:
            raise MergecampError(
                Text(
                    en="No PRs yet. Push your branch and run `mergecamp pr open`.",
                    ko="아직 PR이 없어요. 브랜치를 푸시하고 `mergecamp pr open`을 해요.",
                ),
                exit_code=1,
            )
        for pr in prs:
            click.echo(_pr_line(pr))
        return
    pr = pull_requests.refresh(origin, mine[-1])
    _print_pr(ctx, pr, as_json)


@pr_group.command("merge")
@click.option(
    "--method",
    type=click.Choice(["merge", "squash"]),
    default=None,
    help="Merge commit or squash (default: the team's policy).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the merged PR as JSON.")
@pass_context
def pr_merge(ctx: Context, method: str | None, as_json: bool) -> None:
    """Merge the approved PR of the current branch into main on origin."""
    from mergecamp.team import pull_requests

    root, origin, branch = _here()
    pr = pull_requests.merge(origin, branch, _identity(root), method)  # type: ignore[arg-type]
    _print_pr(ctx, pr, as_json)
