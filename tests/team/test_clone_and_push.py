"""clone-and-push: fails at start, the solution passes, typical wrong answers fail."""

from __future__ import annotations

from tests.team.conftest import bash, messages, solve, start, verdict


def test_fails_at_start_and_solution_passes(workspace):
    scene = start(workspace, "clone-and-push")
    assert verdict(scene)["cloned"] is False
    solve(scene)
    assert all(verdict(scene).values()), messages(scene)


def test_push_without_upstream_fails_upstream(workspace):
    scene = start(workspace, "clone-and-push")
    bash(
        "git clone ../clone-and-push-team/origin.git sequence-lab && cd sequence-lab && "
        "git switch -c exp/gru && sed -i 's/^\\(    arch:\\) lstm/\\1 gru/' "
        "configs/default.yaml && "
        "git commit -qam 'exp(model): try a GRU' && git push -q origin exp/gru",
        scene.root,
    )
    result = verdict(scene)
    assert result["pushed"] and not result["upstream"], messages(scene)


def test_pushing_to_main_fails_pushed(workspace):
    scene = start(workspace, "clone-and-push")
    bash(
        "git clone -q ../clone-and-push-team/origin.git sequence-lab && cd sequence-lab && "
        "git switch -c exp/gru && sed -i 's/^\\(    arch:\\) lstm/\\1 gru/' "
        "configs/default.yaml && "
        "git commit -qam 'exp(model): try a GRU' && git push -q -u origin exp/gru && "
        "git push -q origin exp/gru:main",
        scene.root,
    )
    result = verdict(scene)
    assert not result["pushed"]
    assert "straight to main" in messages(scene)["pushed"]


def test_badly_named_branch_fails_branch(workspace):
    scene = start(workspace, "clone-and-push")
    bash(
        "git clone -q ../clone-and-push-team/origin.git sequence-lab && cd sequence-lab && "
        "git switch -c MyGRU && sed -i 's/^\\(    arch:\\) lstm/\\1 gru/' configs/default.yaml && "
        "git commit -qam 'exp(model): try a GRU' && git push -q -u origin MyGRU",
        scene.root,
    )
    result = verdict(scene)
    assert not result["branch"]
    assert "git branch -m MyGRU" in messages(scene)["branch"]
