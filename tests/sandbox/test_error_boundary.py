"""A bug of ours reaches the learner as one clear paragraph and exit code 3, not a
traceback; MERGECAMP_DEBUG=1 shows the traceback to whoever fixes it."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from mergecamp import engine
from mergecamp.cli import main


def _explode(*_args, **_kwargs):
    raise RuntimeError("boom in the engine")


def test_unexpected_error_is_one_message(workspace, started, monkeypatch) -> None:
    started("stage-and-commit")
    monkeypatch.setattr(engine, "run_check", _explode)

    result = CliRunner().invoke(
        main, ["--lang", "ko", "--workspace", str(workspace), "check", "stage-and-commit"]
    )

    assert result.exit_code == 3
    assert "Traceback" not in result.output
    assert "예상하지 못한 오류" in result.output
    assert "RuntimeError: boom in the engine" in result.output
    assert "MERGECAMP_DEBUG=1" in result.output


def test_debug_shows_the_real_exception(workspace, started, monkeypatch) -> None:
    started("stage-and-commit")
    monkeypatch.setattr(engine, "run_check", _explode)
    monkeypatch.setenv("MERGECAMP_DEBUG", "1")

    result = CliRunner().invoke(main, ["--workspace", str(workspace), "check", "stage-and-commit"])

    assert isinstance(result.exception, RuntimeError)


def test_interrupt_exits_130(workspace, started, monkeypatch) -> None:
    started("stage-and-commit")

    def interrupt(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(engine, "run_check", interrupt)
    result = CliRunner().invoke(main, ["--workspace", str(workspace), "check", "stage-and-commit"])
    assert result.exit_code == 130 and "Interrupted." in result.output


@pytest.mark.parametrize("args", [["start"], ["check", "--no-such-option"]])
def test_click_usage_errors_keep_their_exit_code(args: list[str]) -> None:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2 and "Usage:" in result.output
