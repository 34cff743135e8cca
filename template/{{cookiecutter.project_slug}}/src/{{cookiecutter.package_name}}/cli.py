"""The command line: ``python -m {{ cookiecutter.package_name }} fit|validate|test|predict --config FILE``.

LightningCLI builds the model, the data module and the trainer from YAML configs (several
``--config`` files compose: a task from configs/data/, a network from configs/model/,
ways to run from configs/trainer/) and command-line overrides such as
``--model.net.hidden_size 128``. The network's input and output sizes are linked from
the data module, so a config never repeats them.

Each run gets its own folder, ``logs/<run name>/version_<n>/`` (see runs.py), and
``--ckpt_path last`` resumes the newest run of the same configs. A config mistake ends in
one sentence and exit status 2 (errors.py), not a traceback.
"""

from __future__ import annotations

import sys
import warnings

import lightning as L
from jsonargparse import Namespace
from lightning.pytorch.callbacks import Callback, ModelCheckpoint
from lightning.pytorch.cli import LightningCLI

from . import data, models, module
from .data import SequenceDataModule
from .errors import config_error_in
from .module import SequenceModule
from .options import TASK_ARGUMENTS, accepted, check_option_names
from .parser_errors import TeachingParser
from .runs import (
    LOG_DIR,
    LastEveryEpoch,
    RecordRun,
    RunLogger,
    newest_last_checkpoint,
    run_name,
)

# Small CPU data sets load fastest in the main process; this advice is noise here.
warnings.filterwarnings("ignore", ".*does not have many workers.*")
warnings.filterwarnings("ignore", ".*treespec, LeafSpec.*")  # inside Lightning, not ours
# test/predict of a run's checkpoint write to a new folder of their own: nothing to reload.
warnings.filterwarnings("ignore", "The dirpath has changed from.*")
# A resumed run goes on in its folder, and RunLogger keeps its metrics.csv (runs.py).
warnings.filterwarnings("ignore", "Experiment logs directory .* exists and is not empty.*")


class PrintParameterCount(Callback):
    """Say how big the network is before training starts."""

    def on_fit_start(self, trainer: L.Trainer, pl_module: L.LightningModule) -> None:
        if trainer.is_global_zero:
            total = sum(p.numel() for p in pl_module.parameters())
            trainable = sum(p.numel() for p in pl_module.parameters() if p.requires_grad)
            name = getattr(pl_module, "network_name", type(pl_module).__name__)
            print(f"Parameters: {total:,} ({trainable:,} trainable) in the {name} network")


class PrintPredictions(Callback):
    """Print what ``predict`` produced: text for a language model, values otherwise."""

    def on_predict_batch_end(self, trainer, pl_module, outputs, batch, batch_idx, dataloader_idx=0):
        decode = getattr(trainer.datamodule, "decode", None)
        print(decode(outputs) if decode else outputs.tolist())


class SequenceCLI(LightningCLI):
    def add_arguments_to_parser(self, parser) -> None:
        for size in ("input_size", "output_size"):
            parser.link_arguments(f"data.{size}", f"model.init_args.{size}", apply_on="instantiate")

    def before_instantiate_classes(self) -> None:
        """Give the run its folder, and turn ``--ckpt_path last`` into that run's file."""
        config = self.config[self.subcommand]
        logger = config.trainer.logger
        # Loggers that keep a run in <save_dir>/<name>/version_<n>/, as runs.py expects.
        foldered = isinstance(logger, Namespace) and str(logger.class_path).endswith(
            ("CSVLogger", "RunLogger", "TensorBoardLogger")
        )
        name = run_name(config.get("config"))
        if foldered and logger.init_args.get("name") in (None, "lightning_logs"):
            logger.init_args.name = name
        name = logger.init_args.name if foldered else name
        if config.get("ckpt_path") == "last":
            last = newest_last_checkpoint(name, self.subcommand)
            config.ckpt_path = str(last)
            if self.subcommand == "fit" and foldered:
                # Go on writing into the run being resumed, not into a new folder.
                logger.init_args.version = last.parent.parent.name


def run(args: list[str] | None = None) -> SequenceCLI:
    """Run the CLI on ``args`` (``sys.argv`` when ``None``); the tests call this directly."""
    return SequenceCLI(
        SequenceModule,
        SequenceDataModule,
        subclass_mode_model=True,
        subclass_mode_data=True,
        args=args,
        parser_class=TeachingParser,  # a mistake under model.net ends in one sentence
        save_config_kwargs={"overwrite": True},
        trainer_defaults={
            "default_root_dir": LOG_DIR,
            "log_every_n_steps": 1,  # metrics are per epoch; this only silences a warning
            # Each run in logs/<config name>/version_<n>/ (the name is set above).
            "logger": {
                "class_path": f"{RunLogger.__module__}.RunLogger",
                "init_args": {"save_dir": LOG_DIR},
            },
            "callbacks": [
                PrintParameterCount(),
                PrintPredictions(),
                RecordRun(),
                # The best epoch by val/loss, in the run's checkpoints/ folder.
                ModelCheckpoint(monitor="val/loss", filename="best-{epoch}"),
                # last.ckpt after every epoch, for `fit --ckpt_path last` (runs.py).
                LastEveryEpoch(),
            ],
        },
    )


def main(args: list[str] | None = None) -> int:
    """The console script and ``python -m``: 0 on success, 2 with one sentence on a config
    mistake (a traceback would bury the sentence that says what to change)."""
    given = sys.argv[1:] if args is None else args
    if given[:1] == ["demo"]:  # the browser demo (demo.py), not a Lightning subcommand
        from .demo import main as demo

        return demo(given[1:])
    try:
        check_option_names(given, option_names())
        run(args)
    except Exception as error:
        config_error = config_error_in(error)
        if config_error is None:
            raise
        print(f"error: {config_error.text()}", file=sys.stderr)
        return 2
    return 0


def option_names() -> dict[str, set[str]]:
    """What ``--model.*``, ``--model.net.*`` and ``--data.*`` accept, from the classes'
    signatures."""

    def classes(namespace, base: type) -> list[type]:
        found = (getattr(namespace, name) for name in dir(namespace))
        return [c for c in found if isinstance(c, type) and issubclass(c, base)]

    return {
        "model": accepted(classes(module, SequenceModule)),
        "model.net": accepted(list(models.NETWORKS), skip=TASK_ARGUMENTS),
        "data": accepted(classes(data, SequenceDataModule)),
    }


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
