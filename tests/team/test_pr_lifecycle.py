"""A PR's life: approval re-checked at merge time, update-branch, the three merge methods,
close/reopen, a deleted branch closing its PR, CODEOWNERS choosing the reviewer."""

from __future__ import annotations

import pytest
from mergecamp.gitread import GitReader
from mergecamp.scripting import Clock
from mergecamp.team import pull_requests
from mergecamp.team.pull_requests import PrRefused
from mergecamp.team.world import MINA_T

from tests.team.conftest import bash, start
from tests.team.pr_helpers import (
    BREAK_ADDING,
    GRU,
    TITLE,
    land,
    learner,
    open_ids,
    push_branch,
    without_jun,
)

ME = learner()


@pytest.fixture
def team(workspace):
    scene = start(workspace, "pull-request")
    without_jun(scene)
    push_branch(scene, "exp/gru", GRU, TITLE)
    return scene


def _refused(call) -> str:
    with pytest.raises(PrRefused) as caught:
        call()
    return caught.value.code


def test_approval_is_rechecked_when_main_moves_and_update_branch_fixes_it(team):
    """Reproduction: a PR approved before another PR merged was merged without review."""
    assert open_ids(team, "exp/gru") == []
    land(team, "max_epochs", "30", "chore/longer-training")
    code = _refused(lambda: pull_requests.merge(team.origin, "exp/gru", ME, with_ci=False))
    assert code == "behind-main"
    pr = pull_requests.find_open(pull_requests.load_all(team.origin), "exp/gru")
    assert pr is not None and not pr.approved  # status says what merge says
    pull_requests.update_branch(team.origin, pr.number, ME)
    merged = pull_requests.merge(team.origin, "exp/gru", ME, with_ci=False)
    assert merged.state == "merged"


def test_a_push_after_approval_dismisses_it(team):
    assert open_ids(team, "exp/gru") == []
    bash("git commit -q --allow-empty -m 'exp(model): note' && git push -q", team.root)
    code = _refused(lambda: pull_requests.merge(team.origin, "exp/gru", ME, with_ci=False))
    assert code == "approval-dismissed"
    assert pull_requests.merge(team.origin, "exp/gru", ME, with_ci=False).state == "merged"


def test_open_review_refuses_merge(team):
    bash("git commit -q --allow-empty -m 'oops' && git push -q", team.root)
    open_ids(team, "exp/gru")
    code = _refused(lambda: pull_requests.merge(team.origin, "exp/gru", ME, with_ci=False))
    assert code == "review-open"


@pytest.mark.parametrize(("method", "parents", "new_commits"), [
    ("merge", 2, 1), ("squash", 1, 1), ("rebase", 1, 2),
])  # fmt: skip
def test_merge_methods(team, method, parents, new_commits):
    bash("git commit -q --allow-empty -m 'exp(model): second step' && git push -q", team.root)
    open_ids(team, "exp/gru")
    before = GitReader(team.origin).ref("refs/heads/main")
    pr = pull_requests.merge(team.origin, "exp/gru", ME, method, with_ci=False, delete_branch=True)
    reader = GitReader(team.origin)
    main = reader.ref("refs/heads/main")
    assert pr.merged_commit == main and pr.merge_method == method
    assert len(reader.commit(main).parents) == parents
    assert len(reader.log(f"{before}..{main}", first_parent=True)) == new_commits
    assert "gru" in (reader.read_text(main, "configs/default.yaml") or "")
    assert reader.ref("refs/heads/exp/gru") is None  # deleted after merge
    code = _refused(lambda: pull_requests.open_pr(team.origin, "main", None, "x", with_ci=False))
    assert code == "on-base"


def test_open_on_a_merged_branch_is_refused_not_an_empty_pr(team):
    open_ids(team, "exp/gru")
    pull_requests.merge(team.origin, "exp/gru", ME, with_ci=False)
    code = _refused(lambda: open_ids(team, "exp/gru"))
    assert code == "already-merged"


def test_close_reopen_and_a_deleted_branch_closes_its_pr(team):
    n = pull_requests.open_pr(team.origin, "exp/gru", TITLE, "me", with_ci=False).number
    assert pull_requests.close(team.origin, n).state == "closed"
    assert _refused(lambda: pull_requests.close(team.origin, n)) == "not-open"
    assert pull_requests.reopen(team.origin, n).state == "open"
    bash("git push -q origin --delete exp/gru", team.root)
    pr = pull_requests.by_number(pull_requests.sweep(team.origin), n)
    assert (pr.state, pr.closed_reason) == ("closed", "branch-deleted")
    assert _refused(lambda: pull_requests.reopen(team.origin, n)) == "branch-gone"
    assert _refused(lambda: pull_requests.close(team.origin, 99)) == "no-such-pr"


def test_codeowners_decides_who_reviews(team):
    owners = "* @mina\n/src/*/data/ @jun\n"
    MINA_T.land(
        team.team_dir,
        "chore/codeowners",
        lambda p: (p / ".github" / "CODEOWNERS").write_text(owners, encoding="utf-8"),
        "chore: name the code owners",
        Clock(start=1709990000),
    )
    bash("git fetch -q && git merge -q --no-edit origin/main && git push -q", team.root)
    pr = pull_requests.open_pr(team.origin, "exp/gru", TITLE, "Test Learner", with_ci=False)
    assert pr.reviewer == "Mina Kang"
    push_branch(team, "fix/data-range", BREAK_ADDING, "fix(data): values in [0, 1)")
    pr = pull_requests.open_pr(team.origin, "fix/data-range", None, "Mina Kang", with_ci=False)
    assert pr.reviewer == "Jun Park" and pr.findings == []
