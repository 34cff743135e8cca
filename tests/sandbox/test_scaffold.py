"""`make new-exercise`: a registered folder whose data loads, and a test that fails until
the exercise is written."""

from __future__ import annotations

import importlib.util
import shutil
import sys
import tomllib
from pathlib import Path

import pytest
from mergecamp import exercise_data
from mergecamp.scaffold import main, scaffold

PACKAGE = Path(exercise_data.__file__).resolve().parent


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A repository-shaped folder with this checkout's tracks.py."""
    (tmp_path / "sandbox" / "mergecamp" / "exercises").mkdir(parents=True)
    shutil.copy(PACKAGE / "tracks.py", tmp_path / "sandbox" / "mergecamp" / "tracks.py")
    return tmp_path


def _tracks(root: Path):
    spec = importlib.util.spec_from_file_location(
        "scaffolded_tracks", root / "sandbox/mergecamp/tracks.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return module


def test_a_new_exercise_is_registered_with_its_data_module_and_test(root: Path) -> None:
    written = scaffold("rename-branch", "basics", root)

    folder = root / "sandbox/mergecamp/exercises/rename_branch"
    assert folder / "exercise.toml" in written and folder / "__init__.py" in written
    data = exercise_data.read(folder)
    assert [s["id"] for s in data["steps"]] == ["done"]
    for table in ("title", "story", "goal"):
        exercise_data.text(data[table], table)  # both languages present
    assert set(exercise_data.messages(data["messages"], "x")) == {"not-yet", "done"}
    compile((folder / "__init__.py").read_text(), "module", "exec")
    test = root / "tests/exercises/test_rename_branch.py"
    compile(test.read_text(), "test", "exec")
    assert 'engine.start("rename-branch"' in test.read_text()

    tracks = _tracks(root)
    basics = tracks.TRACKS[0]
    assert basics.exercises[-1][0] == "rename-branch"
    assert basics.exercises[-1][1] == max(level for _id, level in basics.exercises[:-1]) + 1
    assert tracks.placement("rename-branch").track == "basics"


@pytest.mark.parametrize(
    ("exercise_id", "track", "why"),
    [
        ("Bad_Id", "basics", "is not an id"),
        ("merge-conflict", "basics", "already in tracks.py"),
        ("new-one", "advanced", "there is no track 'advanced' (tracks: basics, team)"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(root, exercise_id, track, why, capsys) -> None:
    before = (root / "sandbox/mergecamp/tracks.py").read_text()
    assert main([exercise_id, track, "--root", str(root)]) == 2
    assert why in capsys.readouterr().err
    assert (root / "sandbox/mergecamp/tracks.py").read_text() == before
    assert not (root / "tests").exists()


def test_the_data_template_is_valid_toml() -> None:
    from mergecamp.scaffold import DATA

    assert tomllib.loads(DATA.format(id="x"))["steps"][0]["id"] == "done"
