"""bisect: git bisect run finds the culprit. The wrong answers (a tag on the wrong commit,
a bisect left running, the release tag moved) are in the exercise's data, proven by
tests/harness."""

from __future__ import annotations

from mergecamp import engine

from tests.team.conftest import bash, messages, solve, start, verdict


def test_fails_at_start_and_bisect_run_finds_the_culprit(workspace):
    scene = start(workspace, "bisect")
    assert {s.id: s.code for s in engine.run_check(scene).steps}["tagged"] == "no-tag"
    solve(scene)
    assert all(verdict(scene).values()), messages(scene)


def test_an_annotated_tag_on_the_culprit_passes_too(workspace):
    scene = start(workspace, "bisect")
    bash(
        "git tag -a -m 'first bad commit' culprit "
        "\"$(git log --format=%H --grep='fused tanh' -1 main)\"",
        scene.root,
    )
    scene.quick = True
    assert all(verdict(scene).values()), messages(scene)
