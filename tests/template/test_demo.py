"""`make demo`: bake with defaults, train briefly, report against the baseline."""

from __future__ import annotations

import pytest
from mergecamp import demo

pytestmark = pytest.mark.slow


def test_demo_bakes_trains_and_reports(tmp_path, capsys):
    (tmp_path / "sequence-lab").mkdir()
    (tmp_path / "sequence-lab" / "stale.txt").write_text("an older demo")
    assert demo.run("en", output=tmp_path, epochs=1) == 0
    printed = capsys.readouterr().out
    assert "Parameters: 21,633" in printed
    assert "against the baseline 0.6667" in printed
    assert "mergecamp list" in printed
    assert not (tmp_path / "sequence-lab" / "stale.txt").exists()  # replaced, not mixed
    run = tmp_path / "sequence-lab" / "logs" / "default" / "version_0"
    assert (run / "checkpoints" / "last.ckpt").is_file()


def test_a_failed_training_is_reported_without_a_traceback(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(demo, "TRAIN_ARGS", ["--model.net.arch", "mamba"])
    assert demo.run("ko", output=tmp_path, epochs=1) == 1
    printed = capsys.readouterr().out
    assert "학습이 종료 코드" in printed and "mamba" in printed
    assert "Traceback" not in printed.split("마지막 출력은 이래요")[0]
