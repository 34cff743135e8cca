"""One training and validation step (fast_dev_run) for every network with every task, as
the configs compose them (configs/data/<task>.yaml + configs/model/<network>.yaml)."""

from __future__ import annotations

import math
from functools import partial

import pytest
import torch
import yaml

from {{ cookiecutter.package_name }} import models, module
from {{ cookiecutter.package_name }}.data import AddingDataModule
from {{ cookiecutter.package_name }}.models import RecurrentNet
from {{ cookiecutter.package_name }}.module import LanguageModelModule, RegressionModule

from .conftest import CONFIGS, MODELS, TASKS, configs


def class_path(folder: str, name: str, *keys: str) -> str:
    """The class a config file names at ``keys`` (``model``, or ``model.init_args.net``)."""
    section = yaml.safe_load((CONFIGS / folder / f"{name}.yaml").read_text(encoding="utf-8"))
    for key in keys:
        section = section[key]
    return section["class_path"].rpartition(".")[2]


def test_every_network_and_every_task_has_its_config():
    assert set(MODELS) == {"rnn", "lstm", "gru", "conv1d", "transformer"}
    assert TASKS == ["adding", "classify", "lm"]
    networks = {class_path("model", m, "model", "init_args", "net") for m in MODELS}
    assert networks == {"RecurrentNet", "ConvNet", "TransformerNet"}
    assert set(models.CELLS) <= set(MODELS)  # every recurrent cell has its own file
    tasks = {class_path("data", t, "model") for t in TASKS}
    modules = {name for name in dir(module) if name.endswith("Module") and name != "SequenceModule"}
    assert tasks == modules - {"LightningModule"}


@pytest.mark.parametrize("task", TASKS)
@pytest.mark.parametrize("model", MODELS)
def test_fast_dev_run(run_cli, model, task):
    cli, _ = run_cli("fit", *configs(model, task), "--trainer.fast_dev_run", "1")
    assert cli.trainer.state.finished
    assert math.isfinite(float(cli.trainer.callback_metrics["train/loss"]))
    # The task's module with the network's class: neither file overrides the other.
    assert type(cli.model).__name__ == class_path("data", task, "model")
    network = getattr(cli.model.net, "body", cli.model.net)
    assert type(network).__name__ == class_path("model", model, "model", "init_args", "net")


def test_default_config_fast_dev_run(run_cli):
    cli, printed = run_cli(
        "fit", "--config", str(CONFIGS / "default.yaml"), "--trainer.fast_dev_run", "2"
    )
    assert cli.trainer.state.finished
    assert {"train/loss", "val/loss", "val/baseline"} <= set(cli.trainer.callback_metrics)
    assert "Parameters:" in printed


def test_regression_metrics_are_named_by_stage():
    import lightning as L

    data = AddingDataModule(seq_len=6, train_size=64, val_size=32, test_size=32)
    model = RegressionModule(partial(RecurrentNet, hidden_size=8), input_size=2, output_size=1)
    trainer = L.Trainer(
        max_epochs=1, logger=False, enable_checkpointing=False, enable_progress_bar=False,
        enable_model_summary=False,
    )  # fmt: skip
    trainer.fit(model, data)
    (results,) = trainer.test(model, data, verbose=False)
    assert {"test/loss", "test/mse"} <= set(results)
    assert results["test/loss"] == pytest.approx(results["test/mse"], rel=1e-4)


def test_language_model_loss_is_in_bits():
    model = LanguageModelModule(partial(RecurrentNet, hidden_size=8), input_size=4, output_size=4)
    uniform = torch.zeros(1, 3, 4)  # equal logits: log2(4) = 2 bits per character
    assert float(model.loss(uniform, torch.tensor([[0, 1, 2]]))) == pytest.approx(2.0)


def test_train_loss_is_the_epoch_mean_over_samples():
    """train/loss is summed per step and averaged once per epoch: it must equal the mean
    of the step losses weighted by batch size (the last batch here is smaller)."""
    import lightning as L

    class StepLosses(L.Callback):
        def __init__(self):
            self.losses, self.sizes = [], []

        def on_train_batch_end(self, trainer, pl_module, outputs, batch, batch_idx):
            self.losses.append(float(outputs["loss"]))
            self.sizes.append(batch[0].size(0))

    data = AddingDataModule(seq_len=6, train_size=40, val_size=16, test_size=16, batch_size=16)
    model = RegressionModule(partial(RecurrentNet, hidden_size=8), input_size=2, output_size=1)
    recorder = StepLosses()
    trainer = L.Trainer(
        max_epochs=2, logger=False, enable_checkpointing=False, enable_progress_bar=False,
        enable_model_summary=False, callbacks=[recorder],
    )  # fmt: skip
    trainer.fit(model, data)

    assert recorder.sizes == [16, 16, 8, 16, 16, 8]
    last_epoch = list(zip(recorder.losses[3:], recorder.sizes[3:], strict=True))
    expected = sum(loss * size for loss, size in last_epoch) / sum(recorder.sizes[3:])
    assert float(trainer.callback_metrics["train/loss"]) == pytest.approx(expected, rel=1e-5)
