"""origin's main is protected: a push to it is refused with the PR way, nothing moves;
only `mergecamp pr merge` (and so the teammates' own PRs) moves it."""

from __future__ import annotations

from mergecamp.gitread import GitReader
from mergecamp.team import protection

from tests.team.conftest import bash, start


def test_a_push_to_main_is_refused_and_teaches_the_pr_way(workspace):
    scene = start(workspace, "pull-request")
    before = GitReader(scene.origin).ref("refs/heads/main")
    pushed = bash(
        "git commit -q --allow-empty -m 'chore: straight to main' && git push origin main",
        scene.root,
        check=False,
    )
    assert pushed.returncode != 0
    assert "`main` is protected on origin" in pushed.stderr
    assert "mergecamp pr open" in pushed.stderr
    rewrite = "git push -f origin \"$(git commit-tree -m redo 'HEAD^{tree}')\":refs/heads/main"
    forced = bash(rewrite, scene.root, check=False)
    assert forced.returncode != 0
    assert GitReader(scene.origin).ref("refs/heads/main") == before
    assert protection.protected(scene.origin) == ("main",)


def test_other_branches_push_and_the_korean_message(workspace, monkeypatch):
    scene = start(workspace, "clone-and-push")
    bash("git clone -q ../clone-and-push-team/origin.git sequence-lab", scene.root)
    clone = scene.root / "sequence-lab"
    bash("git switch -qc exp/gru && git commit -q --allow-empty -m 'exp: x' && "
         "git push -q -u origin exp/gru", clone)  # fmt: skip
    monkeypatch.setenv("MERGECAMP_LANG", "ko")
    refused = bash("git push origin exp/gru:main", clone, check=False)
    assert refused.returncode != 0 and "보호된 브랜치" in refused.stderr


def test_revert_pushed_leaves_main_open_for_its_lesson(workspace):
    scene = start(workspace, "revert-pushed")
    assert protection.protected(scene.origin) == ()
