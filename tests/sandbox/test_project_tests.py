"""A step that says "the model works" runs the team's whole fast suite, as the project's
CI does: a merge that breaks the data module fails, not only one that breaks the network.
The verdict is cached per tree, and the run reports progress as it goes."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner
from mergecamp import engine, project_tests
from mergecamp.cli import main

from .conftest import failing, sh


def _tiny_project(root: Path, tests: str) -> Path:
    """A project without torch: a model class the runner can build, and some tests."""
    (root / "src" / "tiny").mkdir(parents=True)
    (root / "src" / "tiny" / "__init__.py").write_text(
        "class Net:\n    def __init__(self, width=1):\n        self.width = width\n"
    )
    (root / "configs").mkdir()
    (root / "configs" / "default.yaml").write_text(
        "model:\n  class_path: tiny.Net\n  init_args:\n    width: 3\n"
    )
    (root / "tests").mkdir()
    (root / "tests" / "test_tiny.py").write_text(textwrap.dedent(tests))
    (root / "pyproject.toml").write_text('[tool.pytest.ini_options]\nmarkers = ["slow: long"]\n')
    return root


def test_the_suite_skips_slow_tests_and_counts_progress(tmp_path: Path) -> None:
    project = _tiny_project(
        tmp_path,
        """
        import pytest

        def test_a():
            pass

        def test_b():
            pass

        @pytest.mark.slow
        def test_slow():
            raise AssertionError("slow tests are not part of the fast suite")
        """,
    )
    seen: list[tuple[int, int]] = []

    result = project_tests.run_suite(project, progress=lambda p, f: seen.append((p, f)))

    assert result.passed, result.output
    assert result.counts.startswith("2 passed, 1 deselected")
    assert seen == [(1, 0), (2, 0)]


def test_a_failing_test_is_named_with_its_file(tmp_path: Path) -> None:
    project = _tiny_project(
        tmp_path,
        """
        def test_values_are_centred():
            assert 0.5 == 0, "values must be in [-1, 1)"
        """,
    )

    result = project_tests.run_suite(project)

    assert not result.passed
    assert any("tests/test_tiny.py::test_values_are_centred" in f for f in result.failures)
    assert "tests/test_tiny.py::test_values_are_centred" in result.detail()


def test_an_unknown_model_option_fails_before_the_tests(tmp_path: Path) -> None:
    project = _tiny_project(tmp_path, "def test_a():\n    pass\n")
    config = project / "configs" / "default.yaml"
    config.write_text(config.read_text().replace("width: 3", "depth: 3"))

    result = project_tests.run_suite(project)

    assert not result.passed
    assert "depth" in result.detail()


# A module that takes its network the way the template's does (``net``: a class_path and
# its init_args, injected by jsonargparse as LightningCLI does), without torch.
_INJECTED = """
from collections.abc import Callable
from typing import Literal


class Body:
    def __init__(self, size: int, *, depth: int = 1, kind: Literal["a", "b"] = "a"):
        self.size, self.depth, self.kind = size, depth, kind


class Module:
    def __init__(self, net: Callable[[int], Body], width: int = 1):
        self.net = net(width)
"""
_INJECTED_CONFIG = (
    "model:\n  class_path: tiny.Module\n  init_args:\n    net:\n      class_path: tiny.Body\n"
    "      init_args:\n        depth: 2\n        kind: a\n    width: 3\n"
)


@pytest.mark.parametrize(
    ("edit", "named"),
    [
        (("kind: a", "kind: c"), "model.net.kind: `c` is not one of a | b"),
        (("depth: 2", "colour: 2"), "model.net: `colour` is not an option of Body"),
        (("width: 3", "width: wide"), "model.width: `wide` is not an int"),
        (
            ("width: 3", "width: 3\n    depth: 4"),
            "`depth` is not an option of Module; it is the network's option: "
            "put it under model.init_args.net.init_args",
        ),
        (
            ("    net:\n      class_path: tiny.Body\n      init_args:\n        depth: 2\n"
             "        kind: a\n", "    depth: 2\n"),
            "the layout before the network had a config of its own",
        ),
    ],
    ids=["value-not-accepted", "option-the-network-lacks", "wrong-type", "network-option-on-"
         "the-module", "old-layout"],
)  # fmt: skip
def test_the_model_is_built_as_lightningcli_builds_it(tmp_path: Path, edit, named) -> None:
    project = _tiny_project(tmp_path, "def test_a():\n    pass\n")
    (project / "src" / "tiny" / "__init__.py").write_text(_INJECTED)
    config = project / "configs" / "default.yaml"
    config.write_text(_INJECTED_CONFIG)
    assert project_tests.run_suite(project).passed  # the network injected, built, tested

    config.write_text(_INJECTED_CONFIG.replace(*edit))
    result = project_tests.run_suite(project)

    assert not result.passed
    assert result.detail().startswith("model not built from configs/default.yaml: ")
    assert named in result.detail()
    assert "Traceback" not in result.output and "1 passed" not in result.output


def test_the_verdict_is_cached_per_tree(tmp_path: Path) -> None:
    key = project_tests.cache_key("a" * 40)
    verdict = project_tests.SuiteResult(False, "1 failed", ("FAILED tests/x.py::t",), "…")
    project_tests.store(tmp_path, key, verdict)

    assert project_tests.cached(tmp_path, key) == verdict
    assert project_tests.cached(tmp_path, project_tests.cache_key("b" * 40)) is None
    (tmp_path / f"{key}.json").write_text("{not json")
    assert project_tests.cached(tmp_path, key) is None


def _solve(workspace: Path, scene) -> None:
    solution = CliRunner().invoke(
        main, ["--workspace", str(workspace), "solution", "--commands", scene.exercise_id]
    )
    sh("set -e\n" + solution.output, scene.root)


def test_a_merge_that_breaks_the_data_module_fails_the_model_step(
    workspace: Path, started, monkeypatch: pytest.MonkeyPatch
) -> None:
    scene = started("merge-conflict")
    _solve(workspace, scene)
    sh(
        "sed -i 's/ \\* 2 - 1$//' src/sequence_lab/data/adding.py && "
        "git commit -qam 'refactor(data): simpler values'",
        scene.root,
    )

    report = engine.run_check(engine.locate(workspace, scene.root, None))

    message = failing(report)["model"]
    assert 'pytest -m "not slow"' in message
    assert "tests/test_data.py" in message

    # The same tree again: the cached verdict, without running anything.
    def no_run(*args, **kwargs):
        raise AssertionError("the suite ran again for a tree it already judged")

    monkeypatch.setattr(project_tests, "run_suite", no_run)
    again = engine.run_check(engine.locate(workspace, scene.root, None))
    assert failing(again)["model"] == message
