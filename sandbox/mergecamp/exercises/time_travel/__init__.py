"""time-travel: visit older commits (detached HEAD), tag the one that changed ``lr``,
come back to ``main``. Its message is vague on purpose, so the check finds the culprit by
meaning (the first-parent commit whose ``lr`` differs from its parent's), never by a
stored hash. Texts, steps and wrong answers are in ``exercise.toml``.
"""

from __future__ import annotations

from mergecamp import checks as C
from mergecamp import predicates as P
from mergecamp.exercise_data import define
from mergecamp.exercises._common import CONFIG, change, longer_sequences, short
from mergecamp.judge import Judge
from mergecamp.scene import Scene
from mergecamp.scripting import JUN, MINA, SORA, append_text, commit_all
from mergecamp.state import read_state

TAG = "lr-change"


def setup(scene: Scene) -> None:
    repo, clock = longer_sequences(scene)
    change(repo, scene, clock, SORA, "feat(train): train for 20 epochs", max_epochs=20)
    change(repo, scene, clock, MINA, "chore(config): tidy the model section", lr=0.03)
    append_text(
        scene.root / "README.md",
        "\n## Readout\n\n`readout: last` uses the final hidden state; `mean` and "
        "`max` pool over time.\n",
    )
    commit_all(repo, "docs: explain the readout choices", JUN, clock)
    change(repo, scene, clock, SORA, "perf(data): bigger batches", batch_size=128)
    append_text(
        scene.root / "README.md",
        "\n## Known issues\n\nval/loss is worse than last week. Nobody knows why.\n",
    )
    commit_all(repo, "docs: note the validation loss regression", MINA, clock)


def lr_at(j: Judge, rev: str | None) -> str | None:
    return C.option_at(j.repo, rev, CONFIG, "lr") if rev else None


def culprit(j: Judge, tip: str) -> str | None:
    """The newest first-parent commit on ``tip`` that changed ``lr``."""
    try:
        history = j.repo.log(tip, first_parent=True)
    except Exception:  # an unreadable history: no culprit to compare with
        return None
    for commit in history:
        if not commit.parents:
            return None
        if lr_at(j, commit.parents[0]) != lr_at(j, commit.sha):
            return commit.sha
    return None


def explored(j: Judge):
    main = j.start("refs/heads/main") or "main"
    try:
        entries = j.repo.reflog()
    except Exception:  # no reflog yet
        entries = []
    for entry in entries:
        to = entry.new
        if entry.message.startswith("checkout:") and to != main and C.is_ancestor(j.repo, to, main):
            return j.ok("visited", c=short(C.commit_of(j.repo, to)))
    return j.fail("not-visited")


def tag(j: Judge):
    target = C.tag_target(j.repo, TAG)
    if target is None:
        return j.fail("no-tag", t=TAG)
    if target.sha == culprit(j, j.start("refs/heads/main") or "main"):
        return j.ok("tagged", t=TAG, c=short(target))
    parent = target.parents[0] if target.parents else None
    now, before = lr_at(j, target.sha) or "-", lr_at(j, parent) or "-"
    return j.fail("wrong-commit", t=TAG, c=short(target), now=now, before=before)


def back(j: Judge):
    state = read_state(j.scene.root / ".git")
    if state.branch != "main":
        return j.fail("not-on-main", w=state.branch or (state.head_sha or "?")[:7])
    main = P.untouched(j, "main")
    return j.ok("back") if main.passed else main


EXERCISE = define(__file__, setup=setup, steps={"explored": explored, "tag": tag, "back": back})
