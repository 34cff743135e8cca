"""push-early: pushing each commit at once, Sora builds on it and the solution passes;
holding two commits back, Sora pushes to the same line first and the learner meets a
conflict (issue #12: "If there is no reason to wait, push right after you commit").
The other wrong answers are in the exercise's `exercise.toml`, proven by tests/harness."""

from __future__ import annotations

from mergecamp import engine
from mergecamp.team.teammates import fired, tick

from tests.team.conftest import bash, messages, solve, start

LR = "sed -i 's/^\\( *lr:\\) 0.003/\\1 0.001/' configs/default.yaml"
DROPOUT = "sed -i 's/^\\( *dropout:\\) 0.0/\\1 0.1/' configs/default.yaml"


def test_fails_at_start_and_solution_passes_with_sora_building_on_it(workspace):
    scene = start(workspace, "push-early")
    steps = {s.id: s.code for s in engine.run_check(scene).steps}
    assert steps["pushed-early"] == "nothing-pushed"
    solve(scene)
    report = engine.run_check(scene)
    assert report.passed, messages(scene)
    assert fired(scene.team_dir) == ["sora-builds-on-yours"]  # during the first push
    log = bash("git log --format=%an%x09%s origin/exp/tuning", scene.root).stdout
    assert "Sora Lee\texp(config): batches of 32" in log


def test_holding_commits_back_lets_sora_push_first_and_makes_the_conflict(workspace):
    scene = start(workspace, "push-early")
    bash(f"{LR} && git commit -qam 'exp(config): lower the learning rate to 0.001' && "
         f"{DROPOUT} && git commit -qam 'exp(config): add dropout 0.1'", scene.root)  # fmt: skip
    # The progress hook's check after the second commit lets the team react.
    assert tick(scene.team_dir, engine.load_exercise("push-early").team_events) == [
        "sora-pushes-first"
    ]
    rejected = bash("git push", scene.root, check=False)
    assert rejected.returncode != 0 and "fetch first" in rejected.stderr
    conflict = bash("git pull --rebase", scene.root, check=False)
    assert conflict.returncode != 0 and "CONFLICT" in conflict.stdout + conflict.stderr
    bash("git checkout --theirs configs/default.yaml && git add configs/default.yaml && "
         "GIT_EDITOR=true git rebase --continue && git push -q", scene.root)  # fmt: skip
    steps = {s.id: s.code for s in engine.run_check(scene).steps}
    assert steps["pushed-early"] == "held-back"
