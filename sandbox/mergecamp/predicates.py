"""Step predicates shared by the exercises: each returns the verdict of one step, with a
message from the library (``exercises/_messages.toml``).

A step function in an exercise module is usually one of these with the story's names
filled in, e.g. ``lambda j: P.untouched(j, "main")``; what is truly specific to one
exercise stays in its own module. Every predicate reads through the judge's repository
view and never raises on a missing branch or an odd state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mergecamp import checks as C

if TYPE_CHECKING:
    from mergecamp.exercise import StepResult
    from mergecamp.judge import Judge

CONFIG = "configs/default.yaml"


def _branches_now(repo) -> dict[str, object]:
    """The branch HEAD is on and the other branches, apart: "branches now: a, b" read as
    if every one of them were the current branch."""
    from mergecamp.i18n import Text

    try:
        here = repo.head_branch()
    except Exception:
        here = None
    others = [name for name in C.branch_names(repo) if name != here]
    detached = Text(en="a detached HEAD", ko="분리된 HEAD")
    return {"here": here or detached, "names": ", ".join(others) or "-"}


def untouched(j: Judge, branch: str) -> StepResult:
    """``branch`` is still where setup left it."""
    from mergecamp.exercises._common import short

    start = j.start(f"refs/heads/{branch}")
    tip = C.branch_tip(j.repo, branch)
    if tip is None:
        return j.fail("branch-gone", b=branch, sha=(start or "?")[:7])
    if tip.sha != start:
        return j.fail(
            "branch-moved",
            b=branch,
            now=short(tip),
            was=short(C.commit_of(j.repo, start or "")),
            was7=(start or "?")[:7],
        )
    return j.ok("branch-untouched", b=branch)


def branch_missing(j: Judge, branch: str) -> StepResult | None:
    """The failing verdict when ``branch`` does not exist, else None."""
    if C.branch_tip(j.repo, branch) is not None:
        return None
    return j.fail("branch-missing", b=branch, **_branches_now(j.repo))


def option_is(j: Judge, rev: str, key: str, want: str, path: str = CONFIG) -> StepResult:
    """``key`` has the value ``want`` in the parsed config at ``rev``."""
    from mergecamp import configs

    text = C.file_at(j.repo, rev, path)
    try:
        configs.load(text or "")
    except configs.ConfigError as err:
        return j.fail("config-unreadable", f=path, r=rev, key=key, why=err.message)
    stray = configs.misplaced(text, key)  # e.g. model.init_args.arch, beside the network's
    if stray is not None:
        return j.fail("option-misplaced", key=key, where=stray, want=want, f=path, r=rev)
    now = configs.read_option(text, key)  # None: the option is not in the config
    if now == want:
        return j.ok("option-is", key=key, value=want, f=path, r=rev)
    return j.fail(
        "option-differs", key=key, now=now if now is not None else "-", want=want, f=path, r=rev
    )


def model_works(j: Judge, rev: str) -> StepResult:
    """The model builds from the config at ``rev`` and the team's fast suite passes there
    (``mergecamp.project_tests``; cached per tree)."""
    import sys

    from mergecamp import project_tests
    from mergecamp.exercises._common import suite_at

    if j.scene.quick:
        return j.not_judged("tests-not-run")
    missing = C.missing_ml_packages()
    if missing:
        return j.fail("ml-missing", py=sys.executable, m=", ".join(missing))
    commit = C.commit_of(j.repo, rev)
    if commit is None:
        return j.fail("model-no-commit", r=rev)
    result = suite_at(j.scene, rev, commit.tree)
    if result.passed:
        return j.ok(
            "model-works", f=CONFIG, r=rev, cmd=project_tests.COMMAND, n=result.counts or "ok"
        )
    return j.fail(
        "model-broken", r=rev, cmd=project_tests.COMMAND, d=result.detail().strip() or "?"
    )


def both_sides(
    j: Judge, branch: str, since: str, ours: dict[str, str], theirs: dict[str, str]
) -> StepResult:
    """Both sides' option values are in the parsed config on ``branch``, and no merge
    made since ``since`` dropped a side (``git merge -s ours``)."""
    from mergecamp import configs
    from mergecamp.exercises._common import short

    for merge in C.merges_in(j.repo, since, branch):
        if C.dropped_side(j.repo, merge):
            return j.fail("merge-dropped-side", c=short(merge))
    text = C.file_at(j.repo, branch, CONFIG)
    try:
        configs.load(text or "")
    except configs.ConfigError as err:
        return j.fail("config-unparsed", b=branch, f=CONFIG, p=err.message)
    wanted = {**ours, **theirs}
    for key, want in wanted.items():
        stray = configs.misplaced(text, key)
        if stray is not None:
            return j.fail("option-misplaced", key=key, where=stray, want=want, f=CONFIG, r=branch)
    wrong = []
    for key, want in wanted.items():
        have = configs.read_option(text, key)
        if have != want:
            wrong.append(f"`{key}: {have or '-'}` ≠ `{want}`")
    if wrong:
        return j.fail("side-lost", b=branch, f=CONFIG, w="; ".join(wrong))
    values = ", ".join(f"`{k}: {v}`" for k, v in wanted.items())
    return j.ok("both-sides", b=branch, v=values)


def synced(j: Judge, branch: str, folder: str = "") -> StepResult:
    """The learner's ``branch`` (in the exercise folder, or in ``folder`` inside it: the
    clone the learner made) is the commit origin's ``branch`` is. Else which way they
    differ, so the fix is the one command that brings them together: ``not-on-origin``,
    ``sync-ahead`` (a plain push), ``sync-behind`` (a pull) or ``sync-diverged`` (no
    library fix: the story says which side wins). An exercise words them for its story
    with messages of the same ids."""
    repo = j.reader(j.scene.root / folder) if folder else j.repo
    local = repo.ref(f"refs/heads/{branch}")
    remote = j.origin.ref(f"refs/heads/{branch}")
    if local is None:
        return j.fail("branch-missing", b=branch, **_branches_now(repo))
    fields = {"b": branch, "local": local[:7], "remote": (remote or "-")[:7]}
    if remote is None:
        return j.fail("not-on-origin", **fields)
    if local == remote:
        return j.ok("synced", **fields)
    if repo.is_ancestor(remote, local):
        return j.fail("sync-ahead", **fields)
    if j.origin.is_ancestor(local, remote):
        return j.fail("sync-behind", **fields)
    return j.fail("sync-diverged", **fields)
