"""A check that runs the model says so when mergecamp's Python cannot run any model,
instead of blaming the learner's merge."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from mergecamp import checks, engine
from mergecamp.cli import main

from .conftest import failing, sh


def test_model_step_names_the_missing_packages(
    workspace, started, monkeypatch: pytest.MonkeyPatch
) -> None:
    scene = started("merge-conflict")
    solution = CliRunner().invoke(
        main, ["--workspace", str(workspace), "solution", "--commands", "merge-conflict"]
    )
    sh("set -e\n" + solution.output, scene.root)
    monkeypatch.setattr(checks, "missing_ml_packages", lambda: ["torch", "lightning"])

    report = engine.run_check(engine.locate(workspace, scene.root, None))

    fails = failing(report)
    assert list(fails) == ["model"], fails
    assert "lacks torch, lightning" in fails["model"]
    assert "does not pass" not in fails["model"]  # not blamed on the merge
    model = next(s for s in report.steps if s.id == "model")
    assert model.code == "ml-missing" and model.fix == "pip install 'mergecamp[ml]'"


def test_missing_ml_packages_sees_this_environment() -> None:
    # The dev set-up installs the ml extra, so nothing is missing here.
    assert checks.missing_ml_packages() == []


def test_pr_ci_skips_the_tests_it_cannot_run(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mergecamp.team import ci

    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_models.py").write_text("def test_x():\n    assert False\n")
    monkeypatch.setattr(checks, "missing_ml_packages", lambda: ["torch"])
    failed: list[str] = []
    skipped: list[str] = []
    logs: list[str] = []

    ci._fast_tests(tmp_path, dict(), failed, skipped, logs)

    assert failed == [] and logs == []
    assert skipped == [
        "python -m pytest -m \"not slow\" (needs torch: pip install 'mergecamp[ml]')"
    ]
