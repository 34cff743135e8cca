"""`mergecamp pr` through the real CLI: CI is the project's own fast suite (the data-module
reproduction), stages are printed as they start, a cached tree answers at once, and the
lifecycle commands; plus the clear errors."""

from __future__ import annotations

import re

import pytest

from tests.team.conftest import bash, start
from tests.team.pr_helpers import BREAK_ADDING, push_branch, without_jun


@pytest.fixture
def team(workspace):
    scene = start(workspace, "pull-request")
    without_jun(scene)
    return scene


@pytest.mark.slow
def test_ci_runs_the_whole_fast_suite_then_the_fixed_pr_goes_through_its_life(team):
    """Reproduction: dropping `* 2 - 1` in data/adding.py was approved (CI ran only
    tests/test_models.py); now tests/test_data.py fails in CI and names itself."""
    root = team.root
    push_branch(team, "fix/data-range", BREAK_ADDING, "fix(data): values in [0, 1)")
    failed = bash("mergecamp pr open", root, check=False)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "[ci]" in failed.stdout and "test_data.py" in failed.stdout
    assert "CI: the fast test suite" in failed.stderr  # told before the suite ran
    n = re.search(r"PR #(\d+)", failed.stdout).group(1)  # Mina's merged PR came first
    again = bash("mergecamp pr status", root, check=False)  # same head: no second run
    assert again.returncode == 0 and "[ci]" in again.stdout
    assert "-    values = torch.rand" in bash(f"mergecamp pr diff {n}", root).stdout
    bash("git revert --no-edit HEAD~1 && git push -q", root)
    opened = bash("mergecamp pr open --title 'fix(data): keep the adding values in [-1, 1)'", root)
    assert "approved" in opened.stdout
    listed = bash("mergecamp pr list", root).stdout
    assert f"PR #{n}" in listed and "✔" in listed
    view = bash(f"mergecamp pr view {n}", root).stdout
    assert "Experiment result" in view or "What changed" in view  # the template body
    assert "CI " in view and "passed" in view
    bash(f"git switch -q main && mergecamp pr checkout {n}", root)
    assert bash("git branch --show-current", root).stdout.strip() == "fix/data-range"
    merged = bash("mergecamp pr merge --method squash --delete-branch --json", root)
    assert '"merge_method": "squash"' in merged.stdout and '"branch_deleted": true' in merged.stdout
    reopened = bash("mergecamp pr open", root, check=False)
    assert reopened.returncode == 2 and "not on origin" in reopened.stderr


def test_cli_errors_are_clear(team, tmp_path):
    outside = bash("mergecamp pr open", tmp_path, check=False)
    assert outside.returncode == 2 and "not a git repository" in outside.stderr
    bash("git checkout -q --detach", team.root)
    detached = bash("mergecamp pr open", team.root, check=False)
    assert detached.returncode == 2 and "detached" in detached.stderr
    assert bash("mergecamp pr list", team.root).stdout.strip() == "No PRs yet."
    missing = bash("mergecamp pr view 9", team.root, check=False)
    assert missing.returncode == 2 and "no PR #9" in missing.stderr
    bash("git switch -q main", team.root)
    none = bash("mergecamp pr merge", team.root, check=False)
    assert none.returncode == 2 and "no open PR" in none.stderr
    body = bash("mergecamp pr open --body-file /nonexistent", team.root, check=False)
    assert body.returncode == 2 and "Cannot read the PR body" in body.stderr
    mate = bash("mergecamp pr status", team.team_dir / "mina", check=False)
    assert mate.returncode == 2 and "teammate's clone" in mate.stderr
