"""fix-from-the-past: training diverges on main since a commit a few steps back turned
gradient clipping off. Check out an older commit to see the value was right there, branch
from the commit that brought the bug in, fix it there and merge the fix into main.

Judged by meaning, never by a stored hash: the culprit is the first-parent commit on
main whose ``gradient_clip_val`` differs from its parent's; the fix line is any new
branch (or a merge's second parent on main, once the branch is deleted) whose fork from
main's start is that commit. Texts, steps and wrong answers are in ``exercise.toml``.
"""

from __future__ import annotations

from mergecamp import checks as C
from mergecamp.exercise_data import define
from mergecamp.exercises._common import CONFIG, change, longer_sequences, short
from mergecamp.judge import Judge
from mergecamp.scene import Scene
from mergecamp.scripting import JUN, MINA, SORA, append_text, commit_all

KEY = "gradient_clip_val"
GOOD = "1.0"
# What the culprit also changed on purpose, and what main gained after it: a fix must keep
# both (a revert of the whole commit loses the first).
KEPT = {"batch_size": "128", "num_layers": "2"}
BRANCH_HINT = "fix/grad-clip"


def setup(scene: Scene) -> None:
    repo, clock = longer_sequences(scene)
    change(repo, scene, clock, SORA, "feat(train): train for 20 epochs", max_epochs=20)
    # The culprit: bigger batches on purpose, clipping off by a slip.
    change(
        repo, scene, clock, JUN, "perf(data): bigger batches for the longer sequences",
        batch_size=128, gradient_clip_val=0.0,
    )  # fmt: skip
    append_text(
        scene.root / "README.md",
        "\n## Readout\n\n`readout: last` uses the final hidden state; `mean` and "
        "`max` pool over time.\n",
    )
    commit_all(repo, "docs: explain the readout choices", MINA, clock)
    change(repo, scene, clock, SORA, "feat(model): stack two LSTM layers", num_layers=2)
    append_text(
        scene.root / "README.md",
        "\n## Known issues\n\nSince last week the loss sometimes ends as `nan`.\n",
    )
    commit_all(repo, "docs: note that training diverges", MINA, clock)


def main_start(j: Judge) -> str:
    return j.start("refs/heads/main") or "main"


def value_at(j: Judge, rev: str | None) -> str | None:
    return C.option_at(j.repo, rev, CONFIG, KEY) if rev else None


def culprit(j: Judge) -> str | None:
    """The newest first-parent commit of main's start that changed the key."""
    return j.memo("culprit", lambda: _culprit(j))


def _culprit(j: Judge) -> str | None:
    try:
        history = j.repo.log(main_start(j), first_parent=True)
    except Exception:  # an unreadable history: nothing to compare with
        return None
    for commit in history:
        if not commit.parents:
            return None
        if value_at(j, commit.parents[0]) != value_at(j, commit.sha):
            return commit.sha
    return None


def visited(j: Judge):
    """HEAD went back (`git checkout <sha>` or `git switch --detach <sha>`, both logged as
    "checkout:") to an older commit where the value was still right."""
    start = main_start(j)
    seen_buggy = None
    for entry in j.repo.reflog():
        to = entry.new
        if not entry.message.startswith("checkout:") or to == start:
            continue
        if not C.is_ancestor(j.repo, to, start):
            continue
        if value_at(j, to) == GOOD:
            return j.ok("visited", c=short(C.commit_of(j.repo, to)), k=KEY, v=GOOD)
        seen_buggy = to
    if seen_buggy is not None:
        now = value_at(j, seen_buggy) or "-"
        return j.fail("only-buggy", c=short(C.commit_of(j.repo, seen_buggy)), k=KEY, now=now)
    return j.fail("not-visited", k=KEY)


def fix_lines(j: Judge) -> list[tuple[str, str]]:
    """(name, tip) of what may carry the fix: new branches, and the second parents of the
    merges main made since its start (named by the merge: the branch may be deleted once
    merged). Only lines with commits of their own."""
    start = main_start(j)
    tips = [
        (name, sha)
        for name, sha in sorted(j.repo.branches().items())
        if j.start(f"refs/heads/{name}") is None
    ]
    for merge in C.merges_in(j.repo, start, "main"):
        tips += [(p[:7], p) for p in merge.parents[1:]]
    return [(name, t) for name, t in tips if C.new_commits(j.repo, fork(j, t) or start, t)]


def fork(j: Judge, tip: str) -> str | None:
    """Where ``tip``'s own line left main's history: its first first-parent ancestor
    that main's start contains (a merge of main into the fix does not move it)."""
    start = main_start(j)
    try:
        line = j.repo.log(tip, first_parent=True)
    except Exception:  # an unreadable history: no fork to name
        return None
    return next((c.sha for c in line if C.is_ancestor(j.repo, c.sha, start)), None)


def from_culprit(j: Judge) -> list[tuple[str, str]]:
    bad = culprit(j)
    return [(n, t) for n, t in fix_lines(j) if fork(j, t) == bad]


def fix_branch(j: Judge):
    bad = culprit(j)
    if bad is None:
        return j.fail("not-visited", k=KEY)
    start = main_start(j)
    lines = fix_lines(j)
    if not lines:
        orphan = _orphaned(j, start)
        if orphan is not None:
            return j.fail("orphaned", c=short(orphan), c7=orphan.sha[:7], b=BRANCH_HINT)
        return j.fail("no-fix-branch", k=KEY)
    if from_culprit(j):
        return j.ok("fix-branch", b=from_culprit(j)[0][0], bad=short(C.commit_of(j.repo, bad)))
    name, tip = lines[0]
    base = fork(j, tip) or start
    fields = {"b": name, "f": short(C.commit_of(j.repo, base))}
    if C.is_ancestor(j.repo, base, bad):
        return j.fail("before-the-bug", **fields, k=KEY)
    return j.fail("after-the-bug", **fields, k=KEY)


def _orphaned(j: Judge, start: str):
    """The newest commit made on a detached HEAD that no branch holds any more."""
    for entry in reversed(j.repo.reflog()):
        made = entry.message.startswith("commit")
        if (
            made
            and not j.repo.refs_containing(entry.new)
            and not C.is_ancestor(j.repo, entry.new, start)
        ):
            return C.commit_of(j.repo, entry.new)
    return None


def merged(j: Judge):
    start = main_start(j)
    tip = C.branch_tip(j.repo, "main")
    if tip is None:
        return j.fail("branch-gone", b="main", sha=start[:7])
    lines = from_culprit(j)
    name = lines[0][0] if lines else BRANCH_HINT
    chain = C.first_parent_chain(j.repo, "main", start)
    if chain and chain[-1].parents[:1] != (start,):
        # main's own line no longer runs through its start: it fast-forwarded onto a
        # branch that had merged main, so the fix line became main's first parent.
        return j.fail("wrong-direction", m7=start[:7], b=name)
    if any(C.is_ancestor(j.repo, t, "main") for _n, t in lines):
        return j.ok("merged", b=name, c=short(tip))
    return j.fail("not-merged", b=name)


def bug_gone(j: Judge):
    now = value_at(j, "main")
    if now != GOOD:
        return j.fail("still-buggy", k=KEY, now=now or "-", want=GOOD)
    lost = [f"`{k}: {C.option_at(j.repo, 'main', CONFIG, k) or '-'}` ≠ `{v}`"
            for k, v in KEPT.items() if C.option_at(j.repo, "main", CONFIG, k) != v]  # fmt: skip
    if lost:
        return j.fail("lost-change", w=", ".join(lost), f=CONFIG)
    return j.ok("bug-gone", k=KEY, v=GOOD)


EXERCISE = define(
    __file__,
    setup=setup,
    steps={"visited": visited, "fix-branch": fix_branch, "merged": merged, "bug-gone": bug_gone},
)
