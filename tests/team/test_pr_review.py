"""The review reads the diff: each check refuses the PR that triggers it (with its id) and
stays quiet on a good one. Through the library with CI off (seconds each); CI and the
CLI are in test_pr_cli.py."""

from __future__ import annotations

import pytest
from mergecamp.team import pull_requests

from tests.team.conftest import bash, start
from tests.team.pr_helpers import (
    ADDING,
    BODY,
    BREAK_ADDING,
    GRU,
    SYNC,
    TITLE,
    land,
    open_ids,
    push_branch,
    without_jun,
)


@pytest.fixture
def team(workspace):
    scene = start(workspace, "pull-request")
    without_jun(scene)
    return scene


def test_a_good_pr_is_approved_by_a_named_teammate(team):
    push_branch(team, "exp/gru", GRU, TITLE)
    pr = pull_requests.open_pr(team.origin, "exp/gru", None, "me", with_ci=False, body=BODY)
    assert pr.findings == [] and pr.approved
    assert pr.title == TITLE  # the GRU commit's subject, not the merge's after the sync
    assert pr.reviewer == "Mina Kang"


def test_bad_branch_name(team):
    push_branch(team, "MyGru", GRU, "exp(model): gru")
    assert "branch-name" in open_ids(team, "MyGru", body="")


def test_bad_commit_message(team):
    push_branch(team, "exp/gru", GRU, "changed things")
    assert open_ids(team, "exp/gru") == ["commit-message"]


def test_bad_title_and_a_merge_subject_as_title(team):
    push_branch(team, "exp/gru", GRU, TITLE)
    assert open_ids(team, "exp/gru", title="GRU please") == ["title"]
    merge_subject = "Merge remote-tracking branch 'origin/main' into exp/gru"
    assert open_ids(team, "exp/gru", title=merge_subject) == ["title-merge"]


def test_experiment_pr_needs_its_results(team):
    push_branch(team, "exp/gru", GRU, TITLE)
    template = pull_requests.template_body(
        __import__("mergecamp.gitread").gitread.GitReader(team.origin), "refs/heads/exp/gru"
    )
    assert "Experiment result" in template
    assert open_ids(team, "exp/gru", body=None) == ["body-results"]  # the empty template
    assert open_ids(team, "exp/gru", body=BODY) == []


def test_behind_main_names_the_teammate(team):
    push_branch(team, "exp/gru", GRU, TITLE, sync=False)
    pr = pull_requests.open_pr(team.origin, "exp/gru", TITLE, "x", with_ci=False, body=BODY)
    assert [f["id"] for f in pr.findings] == ["behind-main"]
    assert "Mina Kang" in pr.findings[0]["en"]


def test_artifacts_at_the_tip_and_only_in_history(team):
    ckpt = "mkdir -p checkpoints && head -c 100 /dev/zero > checkpoints/best.ckpt"
    push_branch(team, "exp/gru", f"{GRU} && {ckpt} && git add -f checkpoints", TITLE)
    assert open_ids(team, "exp/gru") == ["artifacts"]
    bash(
        "git rm -q --cached checkpoints/best.ckpt && git commit -qm 'chore: untrack' && "
        "git push -q",
        team.root,
    )
    pr = pull_requests.open_pr(team.origin, "exp/gru", TITLE, "x", with_ci=False, body=BODY)
    assert [f["id"] for f in pr.findings] == ["artifacts"]  # still in the branch's history
    assert "still in the branch's history" in pr.findings[0]["en"]


def test_empty_branch(team):
    bash("git switch -qc exp/nothing && git push -q -u origin exp/nothing", team.root)
    assert open_ids(team, "exp/nothing") == ["empty"]


def test_a_data_change_in_a_gru_pr_is_off_topic_with_file_and_line(team):
    push_branch(team, "exp/gru", f"{GRU} && {BREAK_ADDING}", TITLE)
    pr = pull_requests.open_pr(team.origin, "exp/gru", TITLE, "x", with_ci=False, body=BODY)
    off = [f for f in pr.findings if f["id"] == "off-topic"]
    assert [(f["path"], f["line"]) for f in off] == [(ADDING, 21)]
    assert [f["id"] for f in pr.findings] == ["off-topic"]
    data_title = "fix(data): keep the adding values in [0, 1)"
    assert "off-topic" not in open_ids(team, "exp/gru", title=data_title)


def test_ours_resolution_that_undoes_a_teammates_change_is_named(team):
    """Mina's seq_len 50→64 merged on main; the branch's `--ours` resolution drops it."""
    push_branch(
        team,
        "exp/batch",
        "sed -i 's/batch_size: 64/batch_size: 32/' configs/default.yaml",
        "exp(data): smaller batches",
        sync=False,
    )
    land(team, "seq_len", "64", "chore/longer-sequences", start=1709950000)
    bash(
        "git fetch -q && (git merge -q --no-edit origin/main || true) && "
        "git checkout -q --ours configs/default.yaml && git add configs/default.yaml && "
        "git commit -q --no-edit && git push -q",
        team.root,
    )
    pr = pull_requests.open_pr(
        team.origin, "exp/batch", "exp(data): smaller batches", "x", with_ci=False, body=BODY
    )
    # `--ours` on the whole file drops Mina's max_epochs (pushed as the branch landed) too
    assert [f["id"] for f in pr.findings] == ["undone", "undone"]
    jun = next(f for f in pr.findings if "seq_len: 64" in f["en"])
    assert "Jun Park" in jun["en"] and jun["path"] == "configs/default.yaml"
    bash(
        "git checkout -q origin/main -- configs/default.yaml && "
        "sed -i 's/batch_size: 64/batch_size: 32/' configs/default.yaml && "
        "git commit -qam 'fix(config): keep seq_len and epochs from main' && git push -q",
        team.root,
    )
    assert open_ids(team, "exp/batch", title="exp(data): smaller batches") == []


def test_a_conflict_is_shown_before_merge(team):
    push_branch(team, "exp/gru", GRU, TITLE)
    land(team, "arch", "rnn", "chore/rnn-default")
    ids = open_ids(team, "exp/gru")
    assert ids == ["behind-main", "conflict"]
    pr = pull_requests.find_open(pull_requests.load_all(team.origin), "exp/gru")
    assert pr is not None and not pr.approved


def test_sync_clears_behind(team):
    push_branch(team, "exp/gru", GRU, TITLE, sync=False)
    assert open_ids(team, "exp/gru") == ["behind-main"]
    bash(SYNC, team.root)
    assert open_ids(team, "exp/gru") == []
