"""Where each run keeps its things: ``logs/<run name>/version_<n>/``.

A run's folder holds its config (config.yaml), its metrics (metrics.csv), its
checkpoints (checkpoints/last.ckpt after every epoch, and the best by val/loss) and
run.json with the git commit it ran from. The run name comes from the configs
(``run_name``), so runs of different configs never share a folder, ``--ckpt_path last``
means the newest epoch of the newest run of *these* configs, and a debug run
(``fast_dev_run``, which writes no checkpoint) never touches another run's checkpoints.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import lightning as L
from lightning.pytorch.callbacks import Callback, ModelCheckpoint
from lightning.pytorch.loggers import CSVLogger

from .errors import ConfigError
from .versioning import data_version

LOG_DIR = "logs"  # git ignores it


# Folders whose configs say what is trained, in the order they name a run; a
# configs/trainer/ file says only how it runs (TensorBoard, more nodes), not what.
NAMING_FOLDERS = ("model", "data")


def run_name(config_paths: list | None) -> str:
    """The run's name, from its config files: the network's (configs/model/), then the
    task's (configs/data/), then any other file's, in the order given within each group:
    ``lstm-adding`` for data/adding.yaml with model/lstm.yaml, ``lstm-lm-text-ko`` with
    the Korean corpus, ``transformer-default`` for a network added to default.yaml,
    ``default`` alone; ``run`` when there is no file. configs/trainer/ files never count."""
    paths = [Path(str(path)) for path in config_paths or ()]
    named = [p for p in paths if p.parent.name != "trainer"]  # never a run called tensorboard
    others = [p.stem for p in named if p.parent.name not in NAMING_FOLDERS]
    parts = [p.stem for folder in NAMING_FOLDERS for p in named if p.parent.name == folder]
    return "-".join(part for part in (*parts, *others) if part) or "run"


def versions(name: str, root: str = LOG_DIR) -> list[Path]:
    """The run folders of ``name``, oldest first."""
    numbered = []
    for folder in Path(root, name).glob("version_*"):
        if match := re.fullmatch(r"version_(\d+)", folder.name):
            numbered.append((int(match.group(1)), folder))
    return [folder for _, folder in sorted(numbered)]


def newest_last_checkpoint(name: str, subcommand: str, root: str = LOG_DIR) -> Path:
    """``last.ckpt`` of the newest run of ``name`` that has one; a ConfigError if none."""
    for folder in reversed(versions(name, root)):
        last = folder / "checkpoints" / "last.ckpt"
        if last.is_file():
            return last
    raise ConfigError(
        f"--ckpt_path last: the run {name!r} has no checkpoint yet under {root}/{name}/, "
        f"so there is nothing to {subcommand}: train it first (`fit` with the same "
        "--config files), or give the path of a .ckpt file",
        f"--ckpt_path last: {root}/{name}/ 아래에 실행 {name!r}의 체크포인트가 아직 없어서 "
        f"{subcommand}할 것이 없어요. 먼저 같은 --config 파일들로 `fit`해서 학습하거나 .ckpt "
        "파일 경로를 주세요",
    )


def git_commit() -> dict[str, object]:
    """The commit the code ran from, and whether the working tree had changes."""

    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(("git", *args), capture_output=True, text=True, timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            return None
        return done.stdout.strip() if done.returncode == 0 else None

    commit = git("rev-parse", "HEAD")
    status = git("status", "--porcelain", "--untracked-files=no") if commit else None
    return {"commit": commit, "dirty": bool(status) if status is not None else None}


class RecordRun(Callback):
    """Write run.json (commit, command line) into the run's folder when fit starts."""

    def on_fit_start(self, trainer: L.Trainer, pl_module: L.LightningModule) -> None:
        if trainer.fast_dev_run or trainer.logger is None:
            return
        # log_dir is a broadcast between processes: every rank must ask for it.
        folder = Path(trainer.log_dir or LOG_DIR)
        if not trainer.is_global_zero:
            return
        folder.mkdir(parents=True, exist_ok=True)
        data = data_version(trainer.datamodule)  # versioning.py: what it trained on
        record = {**git_commit(), "data": data, "argv": sys.argv[1:]}
        (folder / "run.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")


class LastEveryEpoch(ModelCheckpoint):
    """``checkpoints/last.ckpt`` after every epoch, whether or not val/loss improved.

    Since Lightning 2.6 ``save_last=True`` writes last.ckpt only when the same callback
    also saves a top-k file, so a monitored checkpoint skips the epochs that did not
    improve and ``--ckpt_path last`` repeated them. This one monitors nothing and keeps
    one file, the newest, named last.ckpt. Lightning saves nothing in a ``fast_dev_run``.
    """

    def __init__(self) -> None:
        super().__init__(monitor=None, save_top_k=1, filename="last", enable_version_counter=False)


class RunLogger(CSVLogger):
    """Lightning's CSVLogger, except that a resumed run keeps its earlier metrics.

    The CSV writer deletes metrics.csv when its folder already exists; ``fit --ckpt_path
    last`` goes on in the same folder, so the rows written before the crash are put back
    and the new epochs are appended to them.
    """

    @property
    def experiment(self):
        if self._experiment is not None:
            return self._experiment
        metrics = Path(self.log_dir) / "metrics.csv"
        earlier = metrics.read_bytes() if metrics.is_file() else None
        writer = super().experiment
        if earlier is not None and not metrics.exists():
            metrics.write_bytes(earlier)
            # The writer's columns start empty; it must know the file's to append rows.
            header = earlier.decode("utf-8").partition("\n")[0].strip()
            writer.metrics_keys = sorted(header.split(",")) if header else []
        return writer
