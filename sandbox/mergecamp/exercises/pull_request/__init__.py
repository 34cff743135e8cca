"""pull-request: take an experiment from a branch to a merged PR, fixing what review flags.

Live teammates (``TEAM_EVENTS``): as soon as the learner's branch lands on origin, Mina
merges a change to main, so the review finds the branch behind main, as it so often is
in a real team; once the learner's PR is approved, Jun merges a change to the line next
to the learner's, and the PR conflicts before it can merge (``pr status`` shows it).
A push straight to main is refused by origin (``team.protection``).
"""

from __future__ import annotations

from pathlib import Path

from mergecamp import configs
from mergecamp import predicates as P
from mergecamp.exercise_data import define
from mergecamp.gitcmd import git
from mergecamp.judge import Judge
from mergecamp.scene import Scene
from mergecamp.scripting import Clock, set_option
from mergecamp.team import pull_requests
from mergecamp.team.checking import add_scripted, remember_scripted
from mergecamp.team.teammates import TeamEvent, install_push_hook, learner_branch_pushed, tick
from mergecamp.team.world import CONFIG, JUN_T, MINA_T, publish, recall, remember, seed

ID = "pull-request"
# Mina's push happens on a clock of its own, so its hash is the same whenever it fires.
_MINA_CLOCK_START = 1709856000
_JUN_CLOCK_START = 1709858000


def _mina_pushes(team_dir: Path) -> None:
    # main is protected: Mina lands her change through her own PR, merged at once.
    sha = MINA_T.land(
        team_dir,
        "chore/epochs-15",
        lambda path: set_option(path / CONFIG, "max_epochs", "15"),
        "chore(config): train for 15 epochs by default",
        Clock(start=_MINA_CLOCK_START),
    )
    # Only Mina's commit is the team's: the learner's branch, on origin by now, is not.
    add_scripted(team_dir / "origin.git", [sha], mina=sha)


def _learner_pr_approved(team_dir: Path) -> bool:
    prs = pull_requests.learners(pull_requests.load_all(team_dir / "origin.git"))
    return any(pr.state == "open" and pr.approved_head for pr in prs)


def _jun_merges_next_to_yours(team_dir: Path) -> None:
    # hidden_size sits on the line after arch: Jun's merged PR makes the learner's conflict.
    sha = JUN_T.land(
        team_dir,
        "chore/hidden-128",
        lambda path: set_option(path / CONFIG, "hidden_size", "128"),
        "chore(config): 128 hidden units by default",
        Clock(start=_JUN_CLOCK_START),
    )
    add_scripted(team_dir / "origin.git", [sha], jun=sha)


TEAM_EVENTS = (
    TeamEvent("mina-pushes-main", learner_branch_pushed, _mina_pushes),
    # Live, between the approval and the merge: `pr status` / `pr merge` show the conflict.
    TeamEvent("jun-merges-next-to-yours", _learner_pr_approved, _jun_merges_next_to_yours),
)


def setup(scene: Scene) -> None:
    clock = Clock()
    repo = seed(scene, clock)
    origin = publish(scene, repo, teammates=(MINA_T,))
    pull_requests.set_policy(origin, "merge")
    remember(origin, main=git(origin, "rev-parse", "refs/heads/main"))
    remember_scripted(origin)
    install_push_hook(scene.root, ID)


def pr_opened(j: Judge):
    tick(j.scene.team_dir, TEAM_EVENTS)  # in case the push hook did not run (`--no-verify`…)
    prs = j.memo("prs", lambda: pull_requests.learners(pull_requests.load_all(j.scene.origin)))
    if not prs:
        return j.fail("no-pr")
    return j.ok("pr-opened", n=prs[-1].number, branch=prs[-1].branch)


def merged(j: Judge):
    prs = j.memo("prs", list)
    done = [p for p in prs if p.state == "merged"]
    if not done:
        pr = prs[-1]
        code = "pr-approved" if pr.approved else "review-open"
        return j.fail(code, n=pr.number, k=len(pr.findings), branch=pr.branch)
    pr, main = done[-1], j.origin.ref("refs/heads/main") or ""
    arch = configs.read_option(j.origin.read_text(main, CONFIG), "arch")
    merged_commit = j.origin.ref(pr.merged_commit or "") if pr.merged_commit else None
    parents = j.origin.commit(merged_commit).parents if merged_commit else ()
    on_main = merged_commit is not None and j.origin.is_ancestor(merged_commit, main)
    if arch != "gru" or not on_main or len(parents) != 2:
        return j.fail("merged-wrong", n=pr.number, arch=arch or "-")
    return j.ok("merged", n=pr.number)


def team_kept(j: Judge):
    mina = recall(j.scene.origin).get("mina")
    if mina and not j.origin.is_ancestor(mina, "refs/heads/main"):
        return j.fail("mina-lost", sha=mina[:7])
    return j.ok("team-kept")


EXERCISE = define(
    __file__,
    setup=setup,
    steps={
        "pr-opened": pr_opened,
        "merged": merged,
        "team-kept": team_kept,
        "local-main": lambda j: P.synced(j, "main"),
    },
    team_events=TEAM_EVENTS,
)
