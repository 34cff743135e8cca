"""The command line: ``python -m {{ cookiecutter.package_name }} fit|validate|test|predict --config FILE``.

LightningCLI builds the model, the data module and the trainer from a YAML config and
command-line overrides such as ``--model.init_args.hidden_size 128`` (or the short
``--model.hidden_size 128``). The network's input and output sizes are linked from the
data module, so a config never repeats them.
"""

from __future__ import annotations

import sys
import warnings

import lightning as L
from jsonargparse import lazy_instance
from lightning.pytorch.callbacks import Callback, ModelCheckpoint
from lightning.pytorch.cli import LightningCLI
from lightning.pytorch.loggers import CSVLogger

from .data import SequenceDataModule
from .module import SequenceModule

# Small CPU data sets load fastest in the main process; this advice is noise here.
warnings.filterwarnings("ignore", ".*does not have many workers.*")
warnings.filterwarnings("ignore", ".*treespec, LeafSpec.*")  # inside Lightning, not ours

LOG_DIR = "logs"  # git ignores it: logs, configs and checkpoints of every run


class PrintParameterCount(Callback):
    """Say how big the network is before training starts."""

    def on_fit_start(self, trainer: L.Trainer, pl_module: L.LightningModule) -> None:
        if trainer.is_global_zero:
            total = sum(p.numel() for p in pl_module.parameters())
            trainable = sum(p.numel() for p in pl_module.parameters() if p.requires_grad)
            arch = pl_module.hparams.get("arch", "?")
            print(f"Parameters: {total:,} ({trainable:,} trainable) in the {arch} network")


class PrintPredictions(Callback):
    """Print what ``predict`` produced: text for a language model, values otherwise."""

    def on_predict_batch_end(self, trainer, pl_module, outputs, batch, batch_idx, dataloader_idx=0):
        decode = getattr(trainer.datamodule, "decode", None)
        print(decode(outputs) if decode else outputs.tolist())


class SequenceCLI(LightningCLI):
    def add_arguments_to_parser(self, parser) -> None:
        for size in ("input_size", "output_size"):
            parser.link_arguments(f"data.{size}", f"model.init_args.{size}", apply_on="instantiate")


def main(args: list[str] | None = None) -> SequenceCLI:
    """Run the CLI on ``args`` (``sys.argv`` when ``None``); the tests call this directly."""
    return SequenceCLI(
        SequenceModule,
        SequenceDataModule,
        subclass_mode_model=True,
        subclass_mode_data=True,
        args=args,
        save_config_kwargs={"overwrite": True},
        trainer_defaults={
            "default_root_dir": LOG_DIR,
            "log_every_n_steps": 1,  # metrics are per epoch; this only silences a warning
            "logger": lazy_instance(CSVLogger, save_dir=LOG_DIR),
            "callbacks": [
                PrintParameterCount(),
                PrintPredictions(),
                # save_last keeps logs/checkpoints/last.ckpt for `fit --ckpt_path last`.
                ModelCheckpoint(
                    dirpath=f"{LOG_DIR}/checkpoints",
                    monitor="val/loss",
                    save_last=True,
                    enable_version_counter=False,
                ),
            ],
        },
    )


if __name__ == "__main__":
    main(sys.argv[1:])
