"""`mergecamp pr`: each review finding from a case that triggers it; a clean branch merges.

Findings other than CI are checked through the library with CI off (seconds each); the
CI finding and the clean merge go through the real CLI and the project's own tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mergecamp.errors import MergecampError
from mergecamp.team import pull_requests

from tests.team.conftest import bash, start

GRU = "sed -i 's/^\\(    arch:\\) lstm/\\1 gru/' configs/default.yaml"


@pytest.fixture
def team(workspace):
    """A started pull-request exercise with Mina's push already done (no surprise later)."""
    scene = start(workspace, "pull-request")
    return scene


def _open(scene, branch: str, title: str = "exp(model): try a GRU") -> set[str]:
    pr = pull_requests.open_pr(scene.origin, branch, title, "Test Learner", with_ci=False)
    return {f["id"] for f in pr.findings}


def _push(scene, script: str) -> None:
    bash(script, scene.root)


def test_bad_branch_name(team):
    _push(
        team,
        (
            f"git switch -qc MyGru && {GRU} && git commit -qam "
            f"'exp(model): gru' && git push -q -u origin MyGru && git "
            f"fetch -q && git merge -q --no-edit origin/main && git push "
            f"-q"
        ),
    )
    assert "branch-name" in _open(team, "MyGru")


def test_bad_commit_message(team):
    _push(
        team,
        (
            f"git switch -qc exp/gru && {GRU} && git commit -qam 'changed "
            f"things' && git push -q -u origin exp/gru && git fetch -q && "
            f"git merge -q --no-edit origin/main && git push -q"
        ),
    )
    assert _open(team, "exp/gru") == {"commit-message"}


def test_bad_title(team):
    _push(
        team,
        (
            f"git switch -qc exp/gru && {GRU} && git commit -qam "
            f"'exp(model): gru' && git push -q -u origin exp/gru && git "
            f"fetch -q && git merge -q --no-edit origin/main && git push "
            f"-q"
        ),
    )
    assert _open(team, "exp/gru", title="GRU please") == {"title"}


def test_behind_main_names_the_teammate(team):
    _push(
        team,
        (
            f"git switch -qc exp/gru && {GRU} && git commit -qam "
            f"'exp(model): gru' && git push -q -u origin exp/gru"
        ),
    )
    pr = pull_requests.open_pr(team.origin, "exp/gru", "exp(model): gru", "x", with_ci=False)
    assert [f["id"] for f in pr.findings] == ["behind-main"]
    assert "Mina Kang" in pr.findings[0]["en"]


def test_artifacts(team):
    _push(
        team,
        (
            "git switch -qc exp/gru && mkdir -p checkpoints && head -c "
            "100 /dev/zero > checkpoints/best.ckpt && git add -f "
            "checkpoints && git commit -qm 'exp(model): keep the "
            "weights' && git push -q -u origin exp/gru && git fetch -q "
            "&& git merge -q --no-edit origin/main && git push -q"
        ),
    )
    pr = pull_requests.open_pr(team.origin, "exp/gru", "exp(model): gru", "x", with_ci=False)
    assert {f["id"] for f in pr.findings} == {"artifacts"}
    assert "git rm --cached checkpoints/best.ckpt" in pr.findings[0]["en"]


def test_empty_branch(team):
    _push(team, "git switch -qc exp/nothing && git push -q -u origin exp/nothing")
    assert _open(team, "exp/nothing") == {"empty"}


def test_unpushed_branch_and_main_are_errors(team):
    with pytest.raises(MergecampError, match="not on origin yet"):
        pull_requests.open_pr(team.origin, "exp/nowhere", None, "x", with_ci=False)
    with pytest.raises(MergecampError, match="into"):
        pull_requests.open_pr(team.origin, "main", None, "x", with_ci=False)


def test_ci_failure_then_clean_branch_merges_through_the_cli(team):
    """Broken swish fails CI; the fixed branch is approved and merged (squash policy)."""
    root: Path = team.root
    _push(
        team,
        "git switch -qc fix/swish && "
        "sed -i 's/return x \\* torch.sigmoid(x)/return x * torch.tanh(x)/' "
        "src/sequence_lab/models/activations.py && git commit -qam 'fix(model): faster swish' && "
        "git push -q -u origin fix/swish && git fetch -q && git merge -q --no-edit origin/main && "
        "git push -q",
    )
    failed = bash("mergecamp pr open", root, check=False)
    assert failed.returncode == 1
    assert "[ci]" in failed.stdout and 'pytest -m "not slow"' in failed.stdout
    bash("git revert --no-edit HEAD~1 && git push -q", root)
    pull_requests.set_policy(team.origin, "squash")
    opened = bash("mergecamp pr open --title 'fix(model): keep swish as x * sigmoid(x)'", root)
    assert "approved" in opened.stdout
    merged = bash("mergecamp pr merge --json", root)
    assert '"state": "merged"' in merged.stdout and '"merge_method": "squash"' in merged.stdout
    parents = bash("git fetch -q && git log -1 --format=%P origin/main", root).stdout.split()
    assert len(parents) == 1  # squashed
    status = bash("mergecamp pr status", root)
    assert "merged" in status.stdout


def test_cli_errors_are_clear(team, tmp_path):
    outside = bash("mergecamp pr open", tmp_path, check=False)
    assert outside.returncode == 2 and "not a git repository" in outside.stderr
    bash("git checkout -q --detach", team.root)
    detached = bash("mergecamp pr open", team.root, check=False)
    assert detached.returncode == 2 and "detached" in detached.stderr
    bash("git switch -q main", team.root)
    none = bash("mergecamp pr merge", team.root, check=False)
    assert none.returncode == 2 and "no open PR" in none.stderr
    mate = bash("mergecamp pr status", team.team_dir / "mina", check=False)
    assert mate.returncode == 2 and "teammate's clone" in mate.stderr
