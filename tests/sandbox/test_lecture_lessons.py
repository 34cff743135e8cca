"""Issue #12's lecture lessons: `git checkout` (the lecture's form) and `git switch` pass
alike; the two new first-track exercises pass by either route; a branch the story throws
away (`may_delete`) may go unmerged while others stay protected; and merging main into
the experiment gives the same files as merging the experiment into main."""

from __future__ import annotations

import pytest
from mergecamp import engine

from tests.sandbox.conftest import failing, sh

CLIP_BACK = "perl -pi -e 's/^(\\s*gradient_clip_val:) 0\\.0\\b/$1 1.0/' configs/default.yaml"

# The same lesson, typed as the lecture teaches it and with `git switch`.
ROUTES = {
    "time-travel": {
        "checkout": "git checkout -q main~4 && git checkout -q main~3 && git tag lr-change "
        "&& git checkout -q main",
        "switch": "git switch -q --detach main~4 && git switch -q --detach main~3 "
        "&& git tag lr-change && git switch -q main",
    },
    "fix-from-the-past": {
        "checkout": f"git checkout -q main~4 && git checkout -q main~3 "
        f"&& git checkout -q -b fix/grad-clip && {CLIP_BACK} "
        "&& git commit -qam 'fix(train): clip gradients again' "
        "&& git checkout -q main && git merge -q --no-edit fix/grad-clip",
        "switch": f"git switch -q --detach main~4 && git switch -q -c fix/grad-clip main~3 "
        f"&& {CLIP_BACK} && git commit -qam 'fix(train): clip gradients again' "
        "&& git switch -q main && git merge -q --no-edit fix/grad-clip",
    },
    "discard-experiment": {
        "checkout": "git checkout -q exp/wide-lr && git checkout -q main "
        "&& git branch -D exp/wide-lr && git merge -q --no-edit exp/gru",
        "switch": "git switch -q exp/wide-lr && git switch -q main "
        "&& git branch -D exp/wide-lr && git merge -q --no-edit exp/gru",
    },
}


@pytest.mark.parametrize(
    ("exercise_id", "form"), [(e, f) for e, forms in ROUTES.items() for f in forms]
)
def test_checkout_and_switch_both_pass(exercise_id: str, form: str, started) -> None:
    scene = started(exercise_id)
    scene.quick = True
    sh(ROUTES[exercise_id][form], scene.root)
    report = engine.run_check(scene)
    assert report.passed, failing(report)


def test_time_travel_needs_a_visit_by_either_command(started) -> None:
    # Only tagging, no checkout of any kind: the visit step still fails.
    scene = started("time-travel")
    scene.quick = True
    sh("git tag lr-change main~3", scene.root)
    explored = next(s for s in engine.run_check(scene).steps if s.id == "explored")
    assert not explored.passed and explored.code == "not-visited"


def test_fix_branch_may_be_deleted_once_merged(started) -> None:
    scene = started("fix-from-the-past")
    scene.quick = True
    sh(ROUTES["fix-from-the-past"]["checkout"] + " && git branch -d fix/grad-clip", scene.root)
    report = engine.run_check(scene)
    assert report.passed, failing(report)


def test_the_fix_on_a_detached_head_is_named_and_its_fix_clears_it(started) -> None:
    scene = started("fix-from-the-past")
    scene.quick = True
    sh(
        f"git checkout -q main~3 && {CLIP_BACK} && "
        "git commit -qam 'fix(train): clip gradients again' && git checkout -q main",
        scene.root,
    )
    step = next(s for s in engine.run_check(scene).steps if s.id == "fix-branch")
    assert step.code == "orphaned" and step.fix == f"git branch fix/grad-clip {step.fix[-7:]}"
    sh(step.fix, scene.root)
    step = next(s for s in engine.run_check(scene).steps if s.id == "fix-branch")
    assert step.passed, step


def test_only_the_failed_experiment_may_go_unmerged(started) -> None:
    scene = started("discard-experiment")
    scene.quick = True
    sh("git branch -D exp/gru exp/wide-lr", scene.root)
    report = engine.run_check(scene)
    found = {s.id: s for s in report.steps}
    # exp/wide-lr is may_delete: gone without a word; exp/gru's commit is lost: refused.
    assert found["failed-gone"].passed
    guard = found["invariant:protected-branches"]
    assert not guard.passed and guard.code == "branch-deleted" and "exp/gru" in guard.message.en


def test_both_directions_give_the_same_tree(started) -> None:
    scene = started("sync-experiment")
    scene.quick = True
    exp_start = sh("git rev-parse exp/gru", scene.root).stdout.strip()
    sh("git merge -q --no-edit main", scene.root)
    kept = next(s for s in engine.run_check(scene).steps if s.id == "history-kept")
    assert kept.passed
    tree = sh("git rev-parse 'exp/gru^{tree}'", scene.root).stdout.strip()
    assert f"tree `{tree[:7]}`" in kept.message.en and f"`{tree[:7]}`" in kept.message.ko
    # The other direction, on a scratch branch at main: the very same files.
    sh(f"git switch -q -c scratch main && git merge -q --no-edit {exp_start}", scene.root)
    assert sh("git rev-parse 'HEAD^{tree}'", scene.root).stdout.strip() == tree


# Each `fix` of the new exercises, run from the wrong answer (exercise.toml) that leads to
# it, clears the step's message.
FIX_CASES = [
    ("fix-from-the-past", "commit-on-detached-head-and-leave"),
    ("fix-from-the-past", "merge-main-into-the-fix-only"),
    ("fix-from-the-past", "fast-forward-main-onto-the-fix"),
    ("discard-experiment", "branch-d-refused-and-stop"),
    ("discard-experiment", "merge-the-failed-one"),
    ("discard-experiment", "delete-the-good-one"),
    ("discard-experiment", "reset-main-onto-the-good-one"),
]


@pytest.mark.parametrize(("exercise_id", "what"), FIX_CASES)
def test_a_fix_clears_its_step(exercise_id: str, what: str, started) -> None:
    from mergecamp import tracks

    wrong = next(w for w in tracks.load(exercise_id).wrong_answers if w.what == what)
    scene = started(exercise_id)
    scene.quick = True
    sh(wrong.run, scene.root, check=False)
    before = next(s for s in engine.run_check(scene).steps if s.id == wrong.step)
    assert before.code == wrong.code and before.fix, before
    sh(before.fix, scene.root)
    after = next(s for s in engine.run_check(scene).steps if s.id == wrong.step)
    assert after.passed or after.code != before.code, after
