"""push-early: two commits on a branch shared with Sora; push each as soon as it is made.

A live teammate, two ways (``TEAM_EVENTS``): once the learner's first commit lands on
origin, Sora builds on it (a change on another line, no conflict: the learner only
pulls before the next push). While the learner holds two commits back, Sora pushes her
own learning rate to the very line the learner changed, and the learner's push meets a
conflict. Which happened is read from origin's reflog of the branch (origin keeps one):
a push that brought more than one of the learner's commits was held back.
Texts, steps and wrong answers are in ``exercise.toml``.
"""

from __future__ import annotations

from pathlib import Path

from mergecamp import configs
from mergecamp.exercise_data import define
from mergecamp.gitcmd import git
from mergecamp.gitread import GitReader
from mergecamp.judge import Judge
from mergecamp.predicates import synced
from mergecamp.scene import Scene
from mergecamp.scripting import Clock, set_option
from mergecamp.state import read_state
from mergecamp.team.checking import add_scripted, impostors, remember_scripted, scripted_shas
from mergecamp.team.teammates import TeamEvent, fired, install_push_hook, tick
from mergecamp.team.world import CONFIG, SORA_T, TEAM_EMAILS, publish, recall, remember, seed

ID = "push-early"
BRANCH = "exp/tuning"
REF = f"refs/heads/{BRANCH}"
# Sora's pushes run on clocks of their own: the same hashes whenever they happen.
_BUILDS_ON_YOURS_AT = 1709870000
_PUSHES_FIRST_AT = 1709880000


def _learner_unpushed(team_dir: Path) -> int:
    """How many of the learner's commits on the branch origin does not have yet."""
    learner = GitReader(team_dir.parent / ID)
    local, remote = learner.ref(REF), GitReader(team_dir / "origin.git").ref(REF)
    if local is None or remote is None or not learner.ok("cat-file", "-e", remote):
        return 0
    return len(learner.log(f"{remote}..{local}"))


def _learner_pushed(team_dir: Path) -> bool:
    start = recall(team_dir / "origin.git").get("start")
    return GitReader(team_dir / "origin.git").ref(REF) not in (None, start)


def _sora_pushes(team_dir: Path, option: str, value: str, message: str, at: int) -> None:
    sha = SORA_T.commit_and_push(
        team_dir, BRANCH, lambda path: set_option(path / CONFIG, option, value), message,
        Clock(start=at),
    )  # fmt: skip
    origin = team_dir / "origin.git"
    sora = " ".join([*recall(origin).get("sora", "").split(), sha])
    add_scripted(origin, [sha], sora=sora)


TEAM_EVENTS = (
    # Held back: two commits waiting on the learner's machine, Sora pushes to their line.
    TeamEvent(
        "sora-pushes-first",
        lambda team_dir: _learner_unpushed(team_dir) >= 2,
        lambda team_dir: _sora_pushes(
            team_dir, "lr", "0.002", "exp(config): try lr 0.002", _PUSHES_FIRST_AT
        ),
    ),
    # Pushed early: Sora builds on the learner's commit, on a line of her own.
    TeamEvent(
        "sora-builds-on-yours",
        lambda team_dir: _learner_pushed(team_dir) and "sora-pushes-first" not in fired(team_dir),
        lambda team_dir: _sora_pushes(
            team_dir, "batch_size", "32", "exp(config): batches of 32", _BUILDS_ON_YOURS_AT
        ),
    ),
)


def setup(scene: Scene) -> None:
    import git as gitpython

    repo = seed(scene, Clock())
    repo.git.branch(BRANCH)
    origin = publish(scene, repo, teammates=(SORA_T,))
    # A bare repository keeps no reflog by default; this one records every push, so the
    # check can tell one push of two commits from two pushes of one.
    git(origin, "config", "core.logAllRefUpdates", "always")
    learner = gitpython.Repo(scene.root)
    learner.git.checkout("-q", "-b", BRANCH, "--track", f"origin/{BRANCH}")
    learner.close()
    remember(origin, start=git(origin, "rev-parse", REF))
    remember_scripted(origin)
    install_push_hook(scene.root, ID)


def _pushes(j: Judge) -> list[int]:
    """How many of the learner's commits each push to the branch brought, in order."""
    counts = []
    for entry in j.origin.reflog(REF):
        if set(entry.old) == {"0"}:
            continue  # the branch's creation at setup
        mine = [c for c in j.origin.log(f"{entry.old}..{entry.new}")
                if c.author_email not in TEAM_EMAILS]  # fmt: skip
        if mine:
            counts.append(len(mine))
    return counts


def pushed_early(j: Judge):
    tick(j.scene.team_dir, TEAM_EVENTS)  # in case no hook ran since the last commit
    pushes = j.memo("pushes", lambda: _pushes(j))
    if not pushes:
        return j.fail("nothing-pushed", b=BRANCH)
    held = max(pushes)
    if held > 1:
        return j.fail("held-back", b=BRANCH, n=held)
    return j.ok("pushed-early", b=BRANCH, n=len(pushes))


def changes(j: Judge):
    text = j.origin.read_text(REF, CONFIG)
    lr, dropout = (configs.read_option(text, k) or "-" for k in ("lr", "dropout"))
    if (lr, dropout) != ("0.001", "0.1"):
        return j.fail("changes-missing", b=BRANCH, lr=lr, dropout=dropout)
    return j.ok("both-changes", b=BRANCH)


def team_kept(j: Judge):
    facts = recall(j.scene.origin)
    tip = j.origin.ref(REF)
    for sha in facts.get("sora", "").split():
        if tip is None or not j.origin.is_ancestor(sha, tip):
            return j.fail("sora-lost", sha=sha[:7], b=BRANCH)
    if tip is not None:
        fake = impostors(
            j.origin, f"{facts.get('start', tip)}..{tip}", scripted_shas(j.scene.origin)
        )
        if fake:
            c = fake[0]
            return j.fail("impostor", sha=c.sha[:7], subject=c.subject, name=c.author_name)
    return j.ok("sora-kept", b=BRANCH)


def in_sync(j: Judge):
    operation = read_state(j.scene.root / ".git").operation
    if operation is not None:
        return j.fail("operation-in-progress", op=operation)
    return synced(j, BRANCH)


EXERCISE = define(
    __file__,
    setup=setup,
    steps={
        "pushed-early": pushed_early,
        "changes": changes,
        "team-kept": team_kept,
        "in-sync": in_sync,
    },
    team_events=TEAM_EVENTS,
)
