"""Training logic: one LightningModule per task family, each given its network.

The config names the network (``model.init_args.net``: a ``class_path`` from models/ and
its ``init_args``); the module builds it with the three arguments that depend on the
task, runs the shared train/val/test steps and the optimiser, and a subclass says only
what its loss and metrics are. Metrics are named ``<stage>/<name>``: ``train/loss``,
``val/loss``, ``test/loss`` and ``test/mse``, ``test/acc`` or ``test/bpc``.
"""

from __future__ import annotations

import importlib
import math
from pathlib import Path

import lightning as L
import torch
import torch.nn.functional as F
import torchmetrics
from torch import nn

from .models import Embedded, NetFactory, TransformerNet

Batch = tuple[torch.Tensor, ...]


class SequenceModule(L.LightningModule):
    """``net`` is the network waiting for its task arguments (see models.NetFactory);
    the config gives its class and options, so an option that network does not take is
    an error, not silently ignored.

    ``input_size`` and ``output_size`` come from the data module (the CLI links them).
    """

    def __init__(
        self,
        net: NetFactory,
        input_size: int = 2,
        output_size: int = 1,
        lr: float = 1e-3,
        weight_decay: float = 0.0,
    ) -> None:
        super().__init__()
        self.save_hyperparameters()
        self.net = self.build_net(net)
        self.train_loss = torchmetrics.MeanMetric()
        # The epoch's summed train loss (a tensor, so no step waits for the device) and
        # how many samples it covers; see _step and on_train_epoch_end.
        self._loss_sum: torch.Tensor | None = None
        self._loss_count = 0

    def build_net(self, net: NetFactory) -> nn.Module:
        """One output of ``output_size`` per sequence, from ``input_size`` features a step."""
        return net(self.hparams.input_size, self.hparams.output_size, False)

    @classmethod
    def from_checkpoint(cls, path: str | Path, map_location: str = "cpu") -> SequenceModule:
        """The module a ``fit`` saved, as the class it trained: LightningCLI records that
        class in the checkpoint (``_class_path``), but ``load_from_checkpoint`` on this base
        class would build the base class and miss the task's layers."""
        saved = torch.load(path, map_location="cpu", weights_only=True)
        class_path = saved.get("hyper_parameters", {}).get("_class_path", "")
        where, _, name = str(class_path).rpartition(".")
        trained = cls
        if where.startswith(__package__ or "-"):  # only this project's own classes
            found = getattr(importlib.import_module(where), name, None)
            if isinstance(found, type) and issubclass(found, cls):
                trained = found
        return trained.load_from_checkpoint(path, map_location=map_location)

    @property
    def network_name(self) -> str:
        """``LSTM``, ``Conv1D``…: what the config chose, for messages."""
        body = getattr(self.net, "body", self.net)
        return getattr(body, "label", type(body).__name__)

    # --- what a task family fills in -------------------------------------------------
    def loss(self, output: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
        raise NotImplementedError

    def update_metrics(self, stage: str, output: torch.Tensor, target: torch.Tensor) -> None:
        """Log the task's own metrics besides the loss (by default none)."""

    # --- shared by all ---------------------------------------------------------------
    def forward(self, x: torch.Tensor, lengths: torch.Tensor | None = None) -> torch.Tensor:
        return self.net(x, lengths)

    @staticmethod
    def unpack(batch: Batch) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor | None]:
        """``(x, y)`` or ``(x, y, lengths)`` when the data are padded."""
        x, y, *rest = batch
        return x, y, rest[0] if rest else None

    def _step(self, batch: Batch, stage: str) -> torch.Tensor:
        x, y, lengths = self.unpack(batch)
        output = self(x, lengths)
        loss = self.loss(output, y)
        if stage == "train":
            # Per step, self.log or a torchmetrics update cost hundreds of microseconds of
            # Python (a tenth of a small LSTM's step); one in-place add costs a few, so the
            # loss is summed here and averaged once per epoch (on_train_epoch_end).
            batch = x.size(0)
            if self._loss_sum is None:
                self._loss_sum = loss.detach().float() * batch
            else:
                self._loss_sum.add_(loss.detach(), alpha=batch)
            self._loss_count += batch
        else:
            # Epoch averages; sync_dist averages over processes when there are several.
            self.log(f"{stage}/loss", loss, prog_bar=True, batch_size=x.size(0), sync_dist=True)
        self.update_metrics(stage, output, y)
        return loss

    def training_step(self, batch: Batch, batch_idx: int) -> torch.Tensor:
        return self._step(batch, "train")

    def validation_step(self, batch: Batch, batch_idx: int) -> None:
        self._step(batch, "val")

    def test_step(self, batch: Batch, batch_idx: int) -> None:
        self._step(batch, "test")

    def on_train_epoch_start(self) -> None:
        self._loss_sum, self._loss_count = None, 0

    def on_train_epoch_end(self) -> None:
        if self._loss_sum is None:
            return
        # One update per epoch, weighted by the samples seen; compute() then averages
        # over all processes itself, so no sync_dist here.
        self.train_loss.update(self._loss_sum / self._loss_count, self._loss_count)
        self.log("train/loss", self.train_loss.compute(), prog_bar=True)
        self.train_loss.reset()
        self._loss_sum, self._loss_count = None, 0

    def on_validation_epoch_end(self) -> None:
        """Log the data's baseline next to val/loss so the two can be compared."""
        baseline = getattr(self.trainer.datamodule, "baseline_loss", None)
        if baseline is not None:
            self.log("val/baseline", float(baseline), sync_dist=True)

    def configure_optimizers(self) -> torch.optim.Optimizer:
        return torch.optim.AdamW(
            self.parameters(), lr=self.hparams.lr, weight_decay=self.hparams.weight_decay
        )


class RegressionModule(SequenceModule):
    """Mean squared error on a number per sequence (the adding problem)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.test_mse = torchmetrics.MeanSquaredError()

    def loss(self, output: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
        return F.mse_loss(output.squeeze(-1), target)

    def update_metrics(self, stage: str, output: torch.Tensor, target: torch.Tensor) -> None:
        if stage == "test":
            self.test_mse(output.squeeze(-1), target)
            self.log("test/mse", self.test_mse)

    def predict_step(self, batch: Batch, batch_idx: int) -> torch.Tensor:
        x, _, lengths = self.unpack(batch)
        return self(x, lengths).squeeze(-1)


class ClassificationModule(SequenceModule):
    """Cross-entropy over classes, with accuracy."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        classes = self.hparams.output_size
        self.val_acc = torchmetrics.Accuracy(task="multiclass", num_classes=classes)
        self.test_acc = torchmetrics.Accuracy(task="multiclass", num_classes=classes)

    def loss(self, output: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
        return F.cross_entropy(output, target)

    def update_metrics(self, stage: str, output: torch.Tensor, target: torch.Tensor) -> None:
        if stage in ("val", "test"):
            metric = self.val_acc if stage == "val" else self.test_acc
            metric(output.argmax(dim=-1), target)
            self.log(f"{stage}/acc", metric, prog_bar=True)

    def predict_step(self, batch: Batch, batch_idx: int) -> torch.Tensor:
        x, _, lengths = self.unpack(batch)
        return self(x, lengths).argmax(dim=-1)


class LanguageModelModule(SequenceModule):
    """Next-character prediction. The loss is in bits per character: cross-entropy / ln 2.

    ``predict`` continues the data module's prompt by sampling ``sample_length``
    characters; a lower ``temperature`` samples more conservatively.
    """

    def __init__(
        self,
        *args,
        embedding_dim: int = 32,
        sample_length: int = 200,
        temperature: float = 0.8,
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)  # saves embedding_dim in hparams for build_net
        self.sample_length, self.temperature = sample_length, temperature
        # The longest context seen in training, saved with the checkpoint: a Transformer
        # never learnt positions past it, so sampling keeps its context this short.
        self.register_buffer("trained_steps", torch.zeros((), dtype=torch.long))

    def build_net(self, net: NetFactory) -> nn.Module:
        """Character ids (``input_size`` of them) → embeddings → the network, with one
        output per character (``output_size`` scores) that sees only the past."""
        dim = self.hparams.embedding_dim
        return Embedded(self.hparams.input_size, dim, net(dim, self.hparams.output_size, True))

    def training_step(self, batch: Batch, batch_idx: int) -> torch.Tensor:
        steps = batch[0].size(1)
        if steps > self.trained_steps:
            self.trained_steps.fill_(steps)
        return super().training_step(batch, batch_idx)

    def context(self, tokens: torch.Tensor) -> torch.Tensor:
        """The last ``trained_steps`` tokens for a Transformer; all of them otherwise."""
        limit = int(self.trained_steps)
        if isinstance(self.net.body, TransformerNet) and limit > 0:
            return tokens[:, -limit:]
        return tokens

    def loss(self, output: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
        nats = F.cross_entropy(output.reshape(-1, output.size(-1)), target.reshape(-1))
        return nats / math.log(2)

    def update_metrics(self, stage: str, output: torch.Tensor, target: torch.Tensor) -> None:
        if stage == "test":
            self.log("test/bpc", self.loss(output, target), batch_size=target.size(0))

    @torch.no_grad()
    def sample(self, prompt: torch.Tensor, length: int, temperature: float = 1.0) -> torch.Tensor:
        """Continue ``prompt`` (token ids ``(1, steps)``) by ``length`` sampled tokens."""
        tokens = prompt
        for _ in range(length):
            logits = self(self.context(tokens))[:, -1] / max(temperature, 1e-6)
            following = torch.multinomial(torch.softmax(logits, dim=-1), 1)
            tokens = torch.cat([tokens, following], dim=1)
        return tokens

    def predict_step(self, batch: torch.Tensor, batch_idx: int) -> torch.Tensor:
        return self.sample(batch, self.sample_length, self.temperature)[0]
