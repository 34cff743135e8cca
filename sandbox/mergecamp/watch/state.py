"""What the live page shows, built in one place: ``GET /state.json`` returns it and every
``/events`` message carries it.

Its ``check`` is ``engine.check_json``, exactly what ``mergecamp check --json`` prints
for the same repository (the failure counts are read, never bumped: looking at the page
is not a check). ``quick`` leaves out the model's tests, as the git hooks do; the server
sends a quick state at once after a git command and the full one when it is ready.
"""

from __future__ import annotations

import threading
from dataclasses import asdict
from pathlib import Path
from typing import Any

from mergecamp.graph.layout import Layout
from mergecamp.i18n import Lang, Text
from mergecamp.scene import Scene

NO_REPO_YET = Text(
    en="No repository here yet: the graph appears once you clone or create it.",
    ko="아직 여기에 저장소가 없어요. 클론하거나 만들면 그래프가 나타나요.",
)
GOAL_BUILDING = Text(
    en="The goal graph is being built (the reference solution runs once)…",
    ko="목표 그래프를 만드는 중이에요(모범 풀이를 한 번 실행해요)…",
)


class GoalGraph:
    """The goal's layout, built once in the background (running the solution takes
    seconds); ``on_ready`` is called when it is there, so the page can be updated."""

    def __init__(self, exercise_id: str, workspace: Path) -> None:
        self.exercise_id = exercise_id
        self.workspace = workspace
        self._layout: Layout | None = None
        self._note: Text | None = GOAL_BUILDING
        self._lock = threading.Lock()
        self._started = False

    def start(self, on_ready=None) -> None:
        with self._lock:
            if self._started:
                return
            self._started = True
        threading.Thread(target=self._build, args=(on_ready,), daemon=True).start()

    def _build(self, on_ready) -> None:
        from mergecamp.errors import MergecampError
        from mergecamp.graph.goal import goal_repo
        from mergecamp.graph.source import repo_layout

        try:
            built, note = repo_layout(goal_repo(self.exercise_id, self.workspace)), None
        except MergecampError as err:
            built, note = None, err.text
        except Exception as err:  # a broken solution must not stop the live view
            why = f"{type(err).__name__}: {err}"
            built, note = None, Text(en=why, ko=why)
        with self._lock:
            self._layout, self._note = built, note
        if on_ready is not None:
            on_ready()

    def get(self) -> tuple[Layout | None, Text | None]:
        """The layout (or None and why), hidden while it would reveal the answer."""
        from mergecamp.cli import onboard_texts as T
        from mergecamp.graph.goal import answer_still_hidden

        if answer_still_hidden(self.exercise_id):
            return None, T.GOAL_HIDDEN
        with self._lock:
            return self._layout, self._note


def build_state(
    scene: Scene, lang: Lang, *, quick: bool = False, goal: GoalGraph | None = None
) -> dict[str, Any]:
    """Everything the page draws, as JSON-ready data."""
    from mergecamp import engine
    from mergecamp.cli.exercise_cmds import _hints_shown
    from mergecamp.help_stages import failure_counts
    from mergecamp.meta import read_meta
    from mergecamp.watch.texts import ui

    exercise = engine.load_exercise(scene.exercise_id)
    run_on = Scene(scene.exercise_id, scene.workspace, scene.root, scene.team_dir, quick=quick)
    report = engine.run_check(run_on)
    meta = read_meta(scene.root)
    hints_shown, _bad = _hints_shown(meta)
    check = engine.check_json(report, lang, failure_counts(meta), hints_shown)
    return {
        "exercise": exercise.id,
        "lang": lang,
        "quick": quick,
        "check": check,
        "labels": {
            s["id"]: _step_label(exercise, s["id"], s["passed"], lang) for s in check["steps"]
        },
        "texts": {
            "title": exercise.title(lang),
            "story": exercise.story(lang),
            "goal": exercise.goal(lang),
            "steps": [step.label(lang) for step in exercise.steps],
            "hints": [hint(lang) for hint in exercise.hints],
        },
        "graphs": _graphs(scene, lang, goal),
        "prs": _pull_requests(scene, lang),
        "ui": ui(lang),
    }


def _step_label(exercise, step_id: str, passed: bool, lang: Lang) -> str:
    from mergecamp.cli.checklist import step_text

    text = step_text(exercise, step_id, passed)
    return text(lang) if text is not None else step_id


def _graphs(scene: Scene, lang: Lang, goal: GoalGraph | None) -> list[dict[str, Any]]:
    from mergecamp.cli import onboard_texts as T
    from mergecamp.graph.source import repo_layout
    from mergecamp.watch.texts import UI

    repo = learner_repo(scene)
    if repo is None:
        graphs = [{"id": "mine", "heading": UI["yours"](lang), "note": NO_REPO_YET(lang)}]
    else:
        mine = repo_layout(repo, meta=None if repo == scene.root else _team_start(scene))
        graphs = [_panel("mine", UI["yours"](lang), mine, _status(repo, mine, lang))]
    if goal is not None:
        layout, note = goal.get()
        heading = T.GOAL_OF.format(id=scene.exercise_id)(lang)
        if layout is None:
            graphs.append({"id": "goal", "heading": heading, "note": note(lang) if note else ""})
        else:
            graphs.append(_panel("goal", heading, layout, ""))
    if scene.origin is not None and scene.origin.is_dir():
        try:
            # Nothing marked as the learner's there: teammates push to origin too.
            origin = repo_layout(scene.origin, meta={}, show_head=False)
            graphs.append(_panel("origin", UI["origin"](lang), origin, ""))
        except Exception as err:  # a damaged origin is the exercise's to report
            graphs.append({"id": "origin", "heading": UI["origin"](lang), "note": str(err)})
    return graphs


def _team_start(scene: Scene) -> dict:
    """Where origin's branches were at setup, so the learner's pushes show as new."""
    from mergecamp.team.world import recall

    try:
        return {"start": recall(scene.origin)}
    except Exception:  # an origin the learner damaged: nothing is marked new
        return {"start": {}}


def _panel(graph_id: str, heading: str, layout: Layout, note: str) -> dict[str, Any]:
    from mergecamp.graph.svg import render_svg

    return {
        "id": graph_id,
        "heading": heading,
        "note": note,
        "svg": render_svg(layout, title=heading, graph_id=f"graph-{graph_id}"),
        "layout": layout_json(layout),
    }


def layout_json(layout: Layout) -> dict[str, Any]:
    """The layout as plain data (the same rows and lanes the SVG draws)."""
    data = asdict(layout)
    data["new_shas"] = sorted(layout.new_shas)
    return data


def learner_repo(scene: Scene) -> Path | None:
    """The repository the learner works in: the exercise folder, or in an exercise that
    starts with an empty folder (clone-and-push) the clone made in it; None before."""
    if (scene.root / ".git").exists():
        return scene.root
    try:
        children = sorted(scene.root.iterdir())
    except OSError:
        return None
    return next((c for c in children if (c / ".git").is_dir()), None)


def watched_git_dirs(scene: Scene) -> list[Path]:
    """The git folders whose changes change the page (asked again on every poll: a
    clone may appear)."""
    repo = learner_repo(scene)
    dirs = [repo / ".git"] if repo is not None else []
    if scene.origin is not None and scene.origin.is_dir():
        dirs.append(scene.origin)
    return dirs


def _status(repo: Path, layout: Layout, lang: Lang) -> str:
    """Mid-merge, detached HEAD, new commits: as the terminal graph says it."""
    from mergecamp.cli import onboard_texts as T
    from mergecamp.state import read_state

    lines = []
    try:
        described = read_state(repo / ".git").describe()
    except Exception:
        described = None
    if described is not None:
        lines.append(described(lang))
    elif layout.head_sha and layout.head_branch is None:
        lines.append(T.DETACHED.format(sha=layout.head_sha[:7])(lang))
    if layout.new_shas:
        lines.append(T.NEW_COMMITS.format(count=len(layout.new_shas))(lang))
    return " ".join(lines)


def _pull_requests(scene: Scene, lang: Lang) -> list[dict[str, Any]] | None:
    """The team's pull requests with their review state; None outside the team track."""
    if scene.origin is None or not scene.origin.is_dir():
        return None
    from mergecamp.errors import MergecampError
    from mergecamp.team import pull_requests

    try:
        prs = pull_requests.load_all(scene.origin)
    except MergecampError as err:
        return [{"error": err.text(lang)}]
    return [
        {
            "number": pr.number,
            "title": pr.title,
            "branch": pr.branch,
            "base": pr.base,
            "author": pr.author,
            "state": pr.state,
            "approved": pr.approved,
            "reviewer": getattr(pr, "reviewer", ""),
            "findings": [f.text(lang) for f in pr.finding_list()],
        }
        for pr in prs
    ]
