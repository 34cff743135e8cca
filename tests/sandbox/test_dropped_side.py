"""`checks.dropped_side`: a merge that threw one side's change away, told apart from a
merge that kept both, or whose other side was already there."""

from __future__ import annotations

import pytest
from mergecamp import checks

from tests.sandbox.conftest import sh


def _head_merge(scene):
    repo = scene.repo
    return repo, repo.commit("HEAD")


@pytest.mark.parametrize(
    ("script", "dropped"),
    [
        ("git merge -q --no-edit main", False),  # the story's merge
        ("git merge -q -s ours --no-edit main", True),
        # main's commit copied first, then merged: nothing is lost
        ("git cherry-pick main && git merge -q --no-edit main", False),
    ],
)
def test_sync_experiment_merges(started, script, dropped) -> None:
    scene = started("sync-experiment")
    sh(script, scene.root)
    repo, merge = _head_merge(scene)
    assert len(merge.parents) == 2
    assert checks.dropped_side(repo, merge) is dropped


@pytest.mark.parametrize(("option", "dropped"), [("-X ours", True), ("-X theirs", True)])
def test_one_side_of_a_conflict_taken_whole(started, option, dropped) -> None:
    scene = started("merge-conflict")
    sh(f"git merge -q --no-edit {option} main", scene.root)
    repo, merge = _head_merge(scene)
    assert checks.dropped_side(repo, merge) is dropped
