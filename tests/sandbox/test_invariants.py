"""The invariants every exercise gets (mergecamp.invariants): wrong answers that once ended
in "all steps passed" fail on an ``invariant:<name>`` step with a stable code, and the
right answers (with a scratch branch on the side) still pass.

Checks run with ``scene.quick`` (as the git hooks run them): the model's test suite is
not what these tests are about.
"""

from __future__ import annotations

import json
import re
import string

import pytest
from click.testing import CliRunner
from mergecamp import checks, engine, invariants, tracks
from mergecamp.cli import main
from mergecamp.i18n import Text
from mergecamp.scene import Scene
from mergecamp_hooks.commit_msg import check_message

from tests.sandbox.conftest import failing, sh

RESOLVE_SWISH = (
    "git checkout --theirs configs/default.yaml && "
    "perl -pi -e 's/^(\\s*activation:) relu\\b/$1 swish/' configs/default.yaml && "
    "git add configs/default.yaml && git commit -q --no-edit"
)


def quick_check(scene: Scene) -> engine.CheckReport:
    scene.quick = True
    return engine.run_check(scene)


def codes(report: engine.CheckReport) -> dict[str, str]:
    """Failing step id → its code."""
    return {s.id: s.code for s in report.steps if not s.passed}


def invariant_steps(report: engine.CheckReport) -> list[str]:
    return [s.id for s in report.steps if s.id.startswith(invariants.PREFIX)]


# --- the reproduced wrong answers ------------------------------------------------------


def test_merge_conflict_fast_forward_onto_a_merge_made_on_main(started) -> None:
    scene = started("merge-conflict")
    sh(f"git switch -q main && (git merge -q exp/swish || true) && {RESOLVE_SWISH}", scene.root)
    sh("git switch -q exp/swish && git merge -q main", scene.root)
    report = quick_check(scene)
    assert not report.passed
    found = codes(report)
    assert found["invariant:merge-direction"] == "merge-direction"
    assert found["invariant:protected-branches"] == "protected-branch-moved"
    message = next(s.message for s in report.steps if s.id == "invariant:merge-direction")
    assert "merge `main` into `exp/swish`, not `exp/swish` into `main`" in message.en
    # Invariants come first, before the exercise's own steps.
    assert [s.id for s in report.steps][:2] == [
        "invariant:protected-branches",
        "invariant:merge-direction",
    ]


def test_merge_conflict_resolved_with_both_activation_lines(started) -> None:
    scene = started("merge-conflict")
    sh(
        "git merge -q main; git checkout --theirs configs/default.yaml && "
        "perl -pi -e 'print \"$1activation: swish\\n\" if /^(\\s*)activation: relu/' "
        "configs/default.yaml && git add configs/default.yaml && git commit -q --no-edit",
        scene.root,
    )
    report = quick_check(scene)
    assert not report.passed
    assert codes(report)["invariant:configs-parsed"] == "config-duplicate-key"


def test_undo_changes_reset_hard_loses_the_metrics(started) -> None:
    scene = started("undo-changes")
    sh('git reset -q --hard && git commit -q --amend -m "feat(data): longer sequences"', scene.root)
    report = quick_check(scene)
    assert not report.passed
    assert codes(report)["invariant:kept-files"] == "kept-file-lost"
    # The command in the message brings the staged copy back, from the state it names.
    message = next(s.message.en for s in report.steps if s.id == "invariant:kept-files")
    command = message.split("`")[-2]
    sh(command, scene.root)
    assert "invariant:kept-files" not in codes(quick_check(scene))


def test_merge_s_ours_fails(started) -> None:
    scene = started("merge-conflict")
    sh("git merge -q -s ours --no-edit main", scene.root)
    report = quick_check(scene)
    assert not report.passed
    assert codes(report)["invariant:merge-direction"] == "merge-dropped-side"


# --- the right answers stay right ----------------------------------------------------


def test_solution_with_a_scratch_branch_passes(started) -> None:
    scene = started("stage-and-commit")
    sh(
        "git switch -q -c scratch/notes && git switch -q feat/wider-lstm && "
        "git add configs/default.yaml && "
        'git commit -q -m "feat(config): widen the LSTM to 128 units" && '
        "git branch scratch-copy",
        scene.root,
    )
    report = quick_check(scene)
    assert report.passed, failing(report)
    assert invariant_steps(report) == []


def test_scratch_commits_on_a_new_branch_pass(started) -> None:
    scene = started("merge-conflict")
    sh(
        "git switch -q -c try/relu main && echo '- tried relu' >> NOTES.md && git add NOTES.md "
        '&& git commit -q -m "docs: try relu" && git switch -q exp/swish && '
        f"(git merge -q main || true) && {RESOLVE_SWISH}",
        scene.root,
    )
    report = quick_check(scene)
    assert invariant_steps(report) == [], failing(report)
    assert [s.id for s in report.steps if not s.passed] == ["model"]  # not run when quick


def test_finish_experiment_may_delete_the_merged_branch(started) -> None:
    scene = started("finish-experiment")
    sh("git switch -q main && git merge -q --no-ff --no-edit exp/gru", scene.root)
    sh("git branch -d exp/gru", scene.root)
    report = quick_check(scene)
    assert report.passed, failing(report)


# --- each invariant on its own ------------------------------------------------------


def test_moving_and_deleting_a_protected_branch(started) -> None:
    scene = started("experiment-branch")
    sh("git commit -q --allow-empty -m 'feat: on main'", scene.root)
    assert codes(quick_check(scene))["invariant:protected-branches"] == "protected-branch-moved"
    sh("git reset -q --hard HEAD~1 && git switch -q -c exp/gru && git branch -D main", scene.root)
    assert codes(quick_check(scene))["invariant:protected-branches"] == "protected-branch-deleted"


def test_rewriting_a_branch_that_may_only_grow(started) -> None:
    scene = started("sync-experiment")
    sh("git rebase -q main", scene.root)
    assert codes(quick_check(scene))["invariant:protected-branches"] == "branch-rewritten"


def test_fast_forward_where_the_story_asks_for_a_merge(started) -> None:
    scene = started("finish-experiment")
    sh("git switch -q main && git merge -q exp/gru", scene.root)
    assert codes(quick_check(scene))["invariant:merge-direction"] == "merge-direction"


def test_conflict_markers_in_the_working_tree_and_in_a_commit(started) -> None:
    scene = started("merge-conflict")
    sh("git merge -q main", scene.root, check=False)
    # Mid-merge, markers are expected: the state line and the exercise say how to finish.
    assert "invariant:conflict-markers" not in codes(quick_check(scene))
    sh("git add configs/default.yaml && git commit -q --no-edit", scene.root)
    report = quick_check(scene)
    assert codes(report)["invariant:conflict-markers"] == "conflict-markers"
    message = next(s.message.en for s in report.steps if s.id == "invariant:conflict-markers")
    assert "your commit" in message and "git commit --amend --no-edit" in message


def test_conflict_markers_left_in_the_working_tree(started) -> None:
    # As a `git stash pop` that conflicts leaves them: no operation in progress to say so.
    scene = started("stage-and-commit")
    sh(
        "printf '<<<<<<< Updated upstream\\nx\\n=======\\ny\\n>>>>>>> Stashed changes\\n'"
        " >> README.md",
        scene.root,
    )
    report = quick_check(scene)
    assert codes(report)["invariant:conflict-markers"] == "conflict-markers"
    assert "working tree" in next(s.message.en for s in report.steps if not s.passed)


def test_a_marker_line_already_there_is_not_the_learners(started) -> None:
    scene = started("stage-and-commit")
    # Mina's file has a line of seven '='; the learner's commit only adds a line below it.
    sh(
        "printf 'Title\\n=======\\n' > TITLE.md && git add TITLE.md && "
        "git -c user.email=mina@sequence-lab.example commit -q -m 'docs: title' && "
        "echo more >> TITLE.md && git add TITLE.md && git commit -q -m 'docs: more'",
        scene.root,
    )
    report = quick_check(scene)
    assert "invariant:conflict-markers" not in codes(report)
    sh(
        "printf '=======\\n' >> TITLE.md && git add TITLE.md && git commit -q -m 'docs: x'",
        scene.root,
    )
    assert codes(quick_check(scene))["invariant:conflict-markers"] == "conflict-markers"


def test_setup_records_what_the_invariants_compare(started) -> None:
    scene = started("undo-changes")
    record = json.loads((scene.root / ".git" / invariants.SETUP_FILE).read_text("utf-8"))
    kept = record["keeps"]["lightning_logs/version_0/metrics.csv"]
    assert "1,199,nan,nan" in kept["lines"]
    assert len(kept["blob"]) == 40


def test_a_damaged_setup_record_never_breaks_the_check(started) -> None:
    scene = started("undo-changes")
    (scene.root / ".git" / invariants.SETUP_FILE).write_text("{not json", encoding="utf-8")
    sh("git reset -q --hard", scene.root)
    report = quick_check(scene)  # no kept-files record: that invariant has nothing to say
    assert "invariant:kept-files" not in codes(report)


def test_check_json_has_the_code(workspace, started) -> None:
    scene = started("undo-changes")
    sh("git reset -q --hard", scene.root)
    result = CliRunner().invoke(
        main, ["--workspace", str(workspace), "check", "--json", "undo-changes"]
    )
    data = json.loads(result.output)
    assert result.exit_code == 1
    steps = {s["id"]: s for s in data["steps"]}
    assert steps["invariant:kept-files"]["code"] == "kept-file-lost"
    assert all("code" in s for s in data["steps"])


def test_checklist_labels_an_invariant(workspace, started) -> None:
    scene = started("undo-changes")
    sh("git reset -q --hard", scene.root)
    result = CliRunner().invoke(main, ["--workspace", str(workspace), "check", "undo-changes"])
    assert "✘ " + invariants.LABELS["kept-files"].en in result.output


# --- the exercises' data ------------------------------------------------------------


@pytest.mark.parametrize("exercise_id", tracks.all_ids())
def test_invariant_data_is_well_formed(exercise_id: str) -> None:
    exercise = tracks.load(exercise_id)
    assert set(exercise.invariants_off) <= set(invariants.NAMES)
    for pattern in (*exercise.may_change, *exercise.may_rewrite, *sum(exercise.merges, ())):
        assert pattern.startswith(("refs/heads/", invariants.ORIGIN_PREFIX)), pattern


@pytest.mark.parametrize("exercise_id", tracks.TRACKS[0].exercise_ids)
def test_merges_and_keeps_name_what_setup_left(exercise_id: str, started) -> None:
    exercise = tracks.load(exercise_id)
    scene = started(exercise_id)
    start = engine.start_ref
    for receiving, merged in exercise.merges:
        assert start(scene, receiving) and start(scene, merged)
    for path in exercise.keeps:
        assert (scene.root / path).is_file()


def test_every_invariant_text_has_both_languages() -> None:
    def fields(s: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(s) if name}

    texts = [v for v in vars(invariants).values() if isinstance(v, Text)]
    assert len(texts) > 20
    for text in texts:
        assert fields(text.en) == fields(text.ko), text
        assert set(re.findall(r"`[^`]+`", text.en)) == set(re.findall(r"`[^`]+`", text.ko))
        assert re.search(r"[\uac00-\ud7a3]", text.ko) and not re.search(r"[\uac00-\ud7a3]", text.en)


# --- one list of commit types ------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "style(config): tidy",
        "feat(data): train on sequences of length 100",
        "exp: try dropout 0.3",
        "hotfix(config): lr 0.003",
        "revert: undo relu",
        "chore: bump",
        "stuff",
    ],
)
def test_checks_and_the_commit_msg_hook_judge_a_message_alike(message: str) -> None:
    assert checks.is_conventional(message) == (not check_message(message))


def test_commit_types_are_the_hooks_types() -> None:
    from mergecamp_hooks.conventions import DEFAULT_TYPES

    assert checks.COMMIT_TYPES == DEFAULT_TYPES
    assert not checks.is_conventional("style(config): tidy")


def test_hook_log_digest_is_the_message_git_keeps() -> None:
    from mergecamp.hooklog import digest

    written = (
        "exp(model): try swish  \n\n# Please enter the commit message.\n"
        "# ------------------------ >8 ------------------------\ndiff --git a/x b/x\n"
    )
    assert digest(written) == digest("exp(model): try swish\n")
    assert digest("exp(model): try swish") != digest("exp(model): try relu")
