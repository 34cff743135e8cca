"""Real runs: training that beats the baseline, resuming, and two processes (pytest -m slow)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import torch
from lightning.pytorch.callbacks import Callback

from .conftest import CONFIGS, ROOT

pytestmark = pytest.mark.slow
DEFAULT = str(CONFIGS / "default.yaml")


def test_short_training_beats_the_baseline(run_cli):
    cli, _ = run_cli("fit", "--config", DEFAULT, "--trainer.max_epochs", "5")
    val_loss = float(cli.trainer.callback_metrics["val/loss"])
    baseline = cli.datamodule.baseline_loss
    assert val_loss < 0.9 * baseline, f"val/loss {val_loss:.3f} vs baseline {baseline:.3f}"


class PowerCut(Callback):
    """Fails in the middle of the second epoch, as a crash or a lost machine would."""

    def on_train_batch_start(self, trainer, pl_module, batch, batch_idx) -> None:
        if trainer.current_epoch == 1 and batch_idx == 2:
            raise RuntimeError("power cut")


def test_resume_after_an_interrupted_run(run_cli, tmp_path):
    limit = ["--trainer.limit_train_batches", "5", "--trainer.limit_val_batches", "2"]
    first = ["--config", DEFAULT, "--trainer.max_epochs", "3", *limit]
    with pytest.raises(RuntimeError, match="power cut"):
        run_cli("fit", *first, f"--trainer.callbacks+={__name__}.PowerCut")
    last = tmp_path / "logs" / "checkpoints" / "last.ckpt"
    saved = torch.load(last, map_location="cpu", weights_only=False)
    assert saved["global_step"] == 5  # the end of the first epoch survived the crash

    resumed, _ = run_cli("fit", *first, "--ckpt_path", "last")
    # It went on from step 5, so it ran the two remaining epochs, not three.
    assert resumed.trainer.global_step == 15
    assert resumed.trainer.current_epoch == 3


@pytest.mark.skipif(
    not (torch.distributed.is_available() and torch.distributed.is_gloo_available()),
    reason="needs torch.distributed with the gloo backend",
)
def test_ddp_on_two_cpu_processes(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = [
        sys.executable, "-m", {{ cookiecutter.package_name | py_str }}, "fit", "--config", DEFAULT,
        "--trainer.accelerator", "cpu", "--trainer.devices", "2", "--trainer.strategy", "ddp",
        "--trainer.max_epochs", "1", "--trainer.limit_train_batches", "4",
        "--trainer.limit_val_batches", "2", "--trainer.enable_progress_bar", "false",
    ]  # fmt: skip
    done = subprocess.run(
        command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "distributed_backend=gloo" in done.stderr + done.stdout
    assert "All distributed processes registered" in done.stderr + done.stdout
    assert (tmp_path / "logs" / "checkpoints" / "last.ckpt").is_file()
