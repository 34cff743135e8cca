"""``make new-exercise ID=… TRACK=…``: a new exercise's folder, registered, with a test
that fails until the exercise is written.

Writes ``exercises/<id>/exercise.toml`` (every text marked TODO, one step, the fields
the invariants read), ``exercises/<id>/__init__.py`` (setup on the team's project, one
step function) and ``tests/exercises/test_<id>.py`` (the solution must pass; it fails
until you write one), and adds the id at the end of its track in ``tracks.py``.
See docs/adding-an-exercise.md for what to fill in.

Run: python -m mergecamp.scaffold <id> <track> [--root <repository>]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

_ID = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")

DATA = """# {id}: TODO title. See docs/adding-an-exercise.md.

tags = []
may_change = []
solution = [
  "false  # TODO: the commands that solve it, from the exercise folder after `start`",
]

[title]
en = "TODO: a short title"
ko = "TODO: 짧은 제목"

[story]
en = "TODO: two or three sentences about the team and its model."
ko = "TODO: 팀과 모델에 대한 두세 문장."

[goal]
en = "TODO: what done looks like."
ko = "TODO: 완료했을 때의 모습."

[[steps]]
id = "done"
after = []
en = "TODO: what this step asks"
ko = "TODO: 이 단계에서 할 일"

[[hints]]
en = "TODO: a hint"
ko = "TODO: 힌트"

[messages.not-yet]
en = "TODO: what mergecamp sees now and why it matters"
ko = "TODO: 지금 보이는 상태와 그게 왜 중요한지"

[messages.done]
en = "TODO: what is done"
ko = "TODO: 끝난 일"
"""

MODULE = '''"""{id}: TODO one paragraph on what the exercise teaches and how its check judges it.
Texts, steps and wrong answers are in ``exercise.toml``."""

from __future__ import annotations

from mergecamp.exercise_data import define
from mergecamp.exercises._common import project_repo
from mergecamp.judge import Judge
from mergecamp.scene import Scene


def setup(scene: Scene) -> None:
    project_repo(scene)  # TODO: the story's scripted commits (mergecamp.scripting)


def done(j: Judge):
    return j.fail("not-yet")  # TODO: judge the step; j.ok("done") when it passes


EXERCISE = define(__file__, setup=setup, steps={{"done": done}})
'''

TEST = '''"""{id}: the solution passes from a fresh start (fails until the exercise is written)."""

from __future__ import annotations

from mergecamp import engine

from tests.team.conftest import bash, render_cache, workspace  # noqa: F401


def test_the_solution_passes(workspace) -> None:  # noqa: F811
    scene = engine.start("{id}", workspace)
    assert not engine.run_check(scene).passed
    bash("\\n".join(engine.load_exercise("{id}").solution), scene.root)
    report = engine.run_check(scene)
    assert report.passed, [(s.id, s.code) for s in report.steps if not s.passed]
'''


class ScaffoldError(ValueError):
    pass


def scaffold(exercise_id: str, track: str, root: Path) -> list[Path]:
    """Write the exercise and its test under ``root`` (the repository); the paths."""
    if not _ID.match(exercise_id):
        raise ScaffoldError(f"{exercise_id!r} is not an id: lowercase words joined by '-'")
    package = root / "sandbox" / "mergecamp"
    tracks_py = package / "tracks.py"
    source = tracks_py.read_text(encoding="utf-8")
    if f'("{exercise_id}",' in source:
        raise ScaffoldError(f"{exercise_id} is already in tracks.py")
    folder = package / "exercises" / exercise_id.replace("-", "_")
    if folder.exists():
        raise ScaffoldError(f"{folder} already exists")
    tracks_py.write_text(_register(source, exercise_id, track), encoding="utf-8")
    folder.mkdir(parents=True)
    written = [folder / "exercise.toml", folder / "__init__.py"]
    written[0].write_text(DATA.format(id=exercise_id), encoding="utf-8")
    written[1].write_text(MODULE.format(id=exercise_id), encoding="utf-8")
    tests = root / "tests" / "exercises"
    tests.mkdir(parents=True, exist_ok=True)
    (tests / "__init__.py").touch()
    test = tests / f"test_{exercise_id.replace('-', '_')}.py"
    test.write_text(TEST.format(id=exercise_id), encoding="utf-8")
    return [*written, test, tracks_py]


def _register(source: str, exercise_id: str, track: str) -> str:
    """``tracks.py`` with the id appended to ``track``'s exercises, one level above the
    track's last (edit it if the exercise is easier)."""
    start = source.find(f'id="{track}"')
    if start < 0:
        known = re.findall(r'\bid="([a-z-]+)"', source)
        raise ScaffoldError(f"there is no track {track!r} (tracks: {', '.join(known)})")
    opening = source.index("exercises=(", start)
    closing = source.index("\n        ),", opening)
    entries = re.findall(r'\("[a-z0-9-]+", (\d+)\)', source[opening:closing])
    level = max((int(n) for n in entries), default=0) + 1
    entry = f'\n            ("{exercise_id}", {level}),'
    return source[:closing] + entry + source[closing:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Scaffold a new mergecamp exercise.")
    parser.add_argument("exercise_id")
    parser.add_argument("track")
    parser.add_argument("--root", type=Path, default=Path.cwd())
    args = parser.parse_args(argv)
    try:
        written = scaffold(args.exercise_id, args.track, args.root.resolve())
    except (ScaffoldError, OSError) as err:
        print(f"new-exercise: {err}", file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {path.relative_to(args.root.resolve())}")
    print("Next: fill in the TODOs (docs/adding-an-exercise.md), then make the new test pass.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
