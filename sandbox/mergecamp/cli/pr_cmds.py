"""``mergecamp pr …``: pull requests on the team's local origin.

open, status, list, view, diff, checkout, update, merge, close, reopen.

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


def _here_any() -> tuple[Path, Path, str]:
    """``_here`` for commands about any PR: a detached HEAD is fine (branch ``""``)."""
    return _here(detached_ok=True)


def _here(detached_ok: bool = False) -> tuple[Path, Path, str]:
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
                    "{root}은(는) 팀원의 클론이에요, 내 것이 아니에요. 내 클론에서 작업해요: `cd "
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
        if detached_ok:
            _tick(root)
            return root, origin, ""
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


def _stage(ctx: Context):  # type: ignore[no-untyped-def]
    """Print each CI stage on stderr as it starts, so a learner never waits in silence."""

    def say(text: Text) -> None:
        click.echo(ctx.say(text), err=True)

    return say


WORKING = Text(
    en="Reviewing `{branch}` as origin holds it…",
    ko="origin에 있는 `{branch}`을(를) 리뷰하고 있어요…",
)


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
    if pr.state == "closed":
        why = (
            Text(
                en="Closed: its branch was deleted on origin.",
                ko="닫혔어요: origin에서 브랜치가 지워졌어요.",
            )
            if pr.closed_reason == "branch-deleted"
            else Text(
                en="Closed. `mergecamp pr reopen {n}` opens it again.",
                ko="닫혔어요. `mergecamp pr reopen {n}`(으)로 다시 열 수 있어요.",
            )
        )
        click.echo(ctx.say(why, n=pr.number))
        return
    if pr.state == "merged":
        click.echo(
            ctx.say(
                Text(
                    en=(
                        "Merged as {sha} ({method}). Update your clone: `git switch "
                        "main && git pull`."
                    ),
                    ko=(
                        "{sha}(으)로 머지됐어요({method}). 내 클론도 갱신해요: `git switch main "
                        "&& git pull`."
                    ),
                ),
                sha=(pr.merged_commit or "")[:7],
                method=pr.merge_method,
            )
        )
        return
    findings = pr.finding_list()
    reviewer = escape.terminal(pr.reviewer or "?")
    if not findings:
        click.echo(
            ctx.say(
                Text(
                    en="✔ {reviewer} approved it, CI passed. Merge it with `mergecamp pr merge`.",
                    ko=(
                        "✔ {reviewer}이(가) 승인했고 CI도 통과했어요. `mergecamp pr merge`로 "
                        "머지해요."
                    ),
                ),
                reviewer=reviewer,
            )
        )
        return
    click.echo(
        ctx.say(
            Text(
                en="✘ {reviewer} requested changes ({n} comment(s)).",
                ko="✘ {reviewer}이(가) 수정을 요청했어요(코멘트 {n}개).",
            ),
            n=len(findings),
            reviewer=reviewer,
        )
    )
    for i, finding in enumerate(findings, 1):
        body = escape.terminal_lines(ctx.say(finding.text)).replace("\n", "\n     ")
        click.echo(f"  {i}. [{finding.id}] {body}")


def _body_option(body: str | None, body_file: str | None) -> str | None:
    if body_file is None:
        return body
    try:
        return Path(body_file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise MergecampError(
            Text(
                en="Cannot read the PR body from {path}: {err}",
                ko="{path}에서 PR 설명을 읽을 수 없어요: {err}",
            ).format(path=body_file, err=err)
        ) from None


@pr_group.command("open")
@click.option("--title", default=None, help="The PR title (a conventional commit subject).")
@click.option("--body", default=None, help="The PR description (default: the PR template).")
@click.option("--body-file", default=None, help="Read the PR description from this file.")
@click.option("--json", "as_json", is_flag=True, help="Print the PR as JSON.")
@pass_context
def pr_open(
    ctx: Context, title: str | None, body: str | None, body_file: str | None, as_json: bool
) -> None:
    """Open a PR for the current branch (or update it) and run the review and CI."""
    from mergecamp.team import pull_requests

    text = _body_option(body, body_file)
    root, origin, branch = _here()
    click.echo(ctx.say(WORKING, branch=escape.terminal(branch)), err=True)
    note = _unpushed_note(root, branch)
    pr = pull_requests.open_pr(
        origin, branch, title, " ".join(_identity(root)), body=text, stage=_stage(ctx)
    )
    if note and not as_json:
        click.echo(ctx.say(note))
    _print_pr(ctx, pr, as_json)
    if pr.findings:
        raise SystemExit(1)


@pr_group.command("status")
@click.option("--json", "as_json", is_flag=True, help="Print the PRs as JSON.")
@pass_context
def pr_status(ctx: Context, as_json: bool) -> None:
    """The PR of the current branch, reviewed again if it or main moved; else all PRs."""
    from mergecamp.team import pull_requests

    _root, origin, branch = _here()
    prs = pull_requests.sweep(origin)
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
    if mine[-1].state == "open":
        click.echo(ctx.say(WORKING, branch=escape.terminal(branch)), err=True)
    pr = pull_requests.refresh(origin, mine[-1], stage=_stage(ctx))
    _print_pr(ctx, pr, as_json)


@pr_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print the PRs as JSON.")
@pass_context
def pr_list(ctx: Context, as_json: bool) -> None:
    """Every PR on origin, newest first."""
    from mergecamp.team import pull_requests

    _root, origin, _branch = _here_any()
    prs = list(reversed(pull_requests.sweep(origin)))
    if as_json:
        click.echo(json.dumps([p.to_json() for p in prs], ensure_ascii=False, indent=2))
        return
    if not prs:
        click.echo(ctx.say(Text(en="No PRs yet.", ko="아직 PR이 없어요.")))
    for pr in prs:
        mark = " ✔" if pr.approved else ""
        click.echo(_pr_line(pr) + mark)


@pr_group.command("view")
@click.argument("number", type=int)
@pass_context
def pr_view(ctx: Context, number: int) -> None:
    """A PR: its body, commits, diff stat, checks and review."""
    from mergecamp.gitread import GitReader
    from mergecamp.team import pull_requests

    _root, origin, _branch = _here_any()
    pr = pull_requests.by_number(pull_requests.sweep(origin), number)
    if pr.state == "open":
        pr = pull_requests.refresh(origin, pr, stage=_stage(ctx))
    _print_pr(ctx, pr, False)
    click.echo("")
    click.echo(escape.terminal_lines(pr.body.strip() or "-"))
    reader = GitReader(origin)
    tip = pr.merged_commit if pr.state == "merged" and pr.merge_method != "merge" else pr.head
    base = reader.merge_base(pr.base_head or f"refs/heads/{pr.base}", pr.head) if pr.head else None
    if base and tip and reader.ref(tip):
        click.echo("")
        for commit in reversed(reader.log(f"{base}..{pr.head}")):
            click.echo(f"  {commit.sha[:7]} {escape.terminal(commit.subject)}")
        click.echo(reader.run("diff", "--stat", base, pr.head))
    if pr.ci:
        ci = pr.ci
        verdict = "passed" if ci.get("passed") else "failed: " + ", ".join(ci.get("failed", []))
        click.echo(f"CI {ci.get('sha', '')[:7]}: {verdict}")


@pr_group.command("diff")
@click.argument("number", type=int)
@pass_context
def pr_diff(ctx: Context, number: int) -> None:
    """The PR's changes: what its branch adds to the base since they parted."""
    from mergecamp.gitread import GitReader
    from mergecamp.team import pull_requests

    _root, origin, _branch = _here_any()
    pr = pull_requests.by_number(pull_requests.sweep(origin), number)
    reader = GitReader(origin)
    head = reader.ref(f"refs/heads/{pr.branch}") or pr.head
    base = reader.ref(f"refs/heads/{pr.base}") or pr.base_head
    if not head or not base:
        raise MergecampError(
            Text(
                en="PR #{n} has no commits to show.", ko="PR #{n}에는 보여 줄 커밋이 없어요."
            ).format(n=number)
        )
    click.echo(escape.terminal_lines(reader.run("diff", "--no-color", f"{base}...{head}")))


@pr_group.command("checkout")
@click.argument("number", type=int)
@pass_context
def pr_checkout(ctx: Context, number: int) -> None:
    """Switch to a PR's branch in this clone (fetched from origin)."""
    from mergecamp.gitcmd import GitFailed, git
    from mergecamp.team import pull_requests

    root, origin, _branch = _here_any()
    pr = pull_requests.by_number(pull_requests.sweep(origin), number)
    try:
        git(root, "fetch", "--quiet", "origin")
        if git(root, "rev-parse", "--verify", "--quiet", f"refs/heads/{pr.branch}", check=False):
            git(root, "switch", "--quiet", pr.branch)
        else:
            git(root, "switch", "--quiet", "--track", "-c", pr.branch, f"origin/{pr.branch}")
    except GitFailed as err:
        raise MergecampError(
            Text(
                en="Could not switch to `{branch}`: {err}",
                ko="`{branch}`(으)로 바꿀 수 없어요: {err}",
            ).format(branch=pr.branch, err=err.stderr.strip() if err.stderr else err)
        ) from None
    click.echo(
        ctx.say(
            Text(en="On `{branch}` (PR #{n}).", ko="`{branch}`에 있어요(PR #{n})."),
            branch=escape.terminal(pr.branch),
            n=number,
        )
    )


@pr_group.command("update")
@click.argument("number", type=int, required=False)
@pass_context
def pr_update(ctx: Context, number: int | None) -> None:
    """Merge main into the PR's branch on origin ("update branch"); then `git pull`."""
    from mergecamp.team import pull_requests

    root, origin, branch = _here()
    prs = pull_requests.sweep(origin)
    pr = pull_requests.by_number(prs, number) if number else pull_requests.find_open(prs, branch)
    if pr is None:
        raise MergecampError(
            Text(
                en="`{branch}` has no open PR. Open one first: `mergecamp pr open`.",
                ko="`{branch}`에는 열린 PR이 없어요. 먼저 `mergecamp pr open`으로 열어요.",
            ).format(branch=branch)
        )
    pr = pull_requests.update_branch(origin, pr.number, _identity(root))
    click.echo(
        ctx.say(
            Text(
                en=(
                    "`{branch}` on origin now has `{base}` merged in; the review runs again. "
                    "Bring it into your clone: `git pull`."
                ),
                ko=(
                    "origin의 `{branch}`에 `{base}`을(를) 머지했어요. 리뷰를 다시 해요. "
                    "내 클론에도 가져와요: `git pull`."
                ),
            ),
            branch=escape.terminal(pr.branch),
            base=pr.base,
        )
    )
    pr = pull_requests.refresh(origin, pr, stage=_stage(ctx))
    _print_pr(ctx, pr, False)


@pr_group.command("close")
@click.argument("number", type=int)
@pass_context
def pr_close(ctx: Context, number: int) -> None:
    """Close a PR without merging it."""
    from mergecamp.team import pull_requests

    _root, origin, _branch = _here_any()
    _print_pr(ctx, pull_requests.close(origin, number), False)


@pr_group.command("reopen")
@click.argument("number", type=int)
@pass_context
def pr_reopen(ctx: Context, number: int) -> None:
    """Open a closed PR again (its branch must still be on origin)."""
    from mergecamp.team import pull_requests

    _root, origin, _branch = _here_any()
    pr = pull_requests.reopen(origin, number)
    pr = pull_requests.refresh(origin, pr, stage=_stage(ctx))
    _print_pr(ctx, pr, False)


@pr_group.command("merge")
@click.option(
    "--method",
    type=click.Choice(["merge", "squash", "rebase"]),
    default=None,
    help="Merge commit, squash or rebase (default: the team's policy).",
)
@click.option("--delete-branch", is_flag=True, help="Delete the branch on origin once merged.")
@click.option("--json", "as_json", is_flag=True, help="Print the merged PR as JSON.")
@pass_context
def pr_merge(ctx: Context, method: str | None, delete_branch: bool, as_json: bool) -> None:
    """Merge the approved PR of the current branch into main on origin."""
    from mergecamp.team import pull_requests

    root, origin, branch = _here()
    pr = pull_requests.merge(
        origin, branch, _identity(root), method, delete_branch=delete_branch, stage=_stage(ctx)
    )
    _print_pr(ctx, pr, as_json)
