"""Your own sequences from a CSV file, for classification.

The file has a header row with a ``sequence_id`` column, a ``label`` column and one
column per feature; each row is one time step, rows of a sequence in time order::

    sequence_id,label,x,y
    walk-1,left,0.1,0.0
    walk-1,left,0.3,-0.2
    walk-2,right,0.0,0.1

Sequences may differ in length: shorter ones are padded with zeros and carry their
length, so the networks skip the padding.
"""

from __future__ import annotations

import csv
from pathlib import Path

import torch
from torch.utils.data import TensorDataset

from .base import SequenceDataModule, split_indices
from .digits import prior_cross_entropy


def read_sequences(path: str | Path) -> tuple[list[torch.Tensor], list[str], list[str]]:
    """The sequences ``(steps, features)``, their labels, and the feature names."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no CSV file at {path}: set data.init_args.path to your file")
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        columns = reader.fieldnames or []
        missing = {"sequence_id", "label"} - set(columns)
        if missing:
            raise ValueError(
                f"{path} has columns {columns} but needs sequence_id and label as well as the "
                "features: add the missing header names"
            )
        features = [c for c in columns if c not in ("sequence_id", "label")]
        if not features:
            raise ValueError(f"{path} has no feature columns besides sequence_id and label")
        steps: dict[str, list[list[float]]] = {}
        labels: dict[str, str] = {}
        for line, row in enumerate(reader, start=2):
            key = row["sequence_id"]
            try:
                steps.setdefault(key, []).append([float(row[f]) for f in features])
            except (TypeError, ValueError):
                raise ValueError(f"{path}:{line}: every feature must be a number") from None
            if labels.setdefault(key, row["label"]) != row["label"]:
                raise ValueError(f"{path}:{line}: sequence {key!r} changes its label")
    sequences = [torch.tensor(rows, dtype=torch.float32) for rows in steps.values()]
    return sequences, [labels[k] for k in steps], features


class CsvSequenceDataModule(SequenceDataModule):
    def __init__(
        self,
        path: str,
        val_fraction: float = 0.2,
        test_fraction: float = 0.2,
        batch_size: int = 32,
        num_workers: int = 0,
        seed: int = 0,
    ) -> None:
        super().__init__(batch_size, num_workers, seed)
        sequences, names, self.features = read_sequences(path)
        self.classes = sorted(set(names))
        lengths = torch.tensor([len(s) for s in sequences])
        x = torch.nn.utils.rnn.pad_sequence(sequences, batch_first=True)
        y = torch.tensor([self.classes.index(n) for n in names])
        try:
            train, val, test = split_indices(len(y), val_fraction, test_fraction, seed)
        except ValueError as err:
            raise ValueError(f"{path}: {err}: add more sequences") from None
        self.train_set, self.val_set, self.test_set = (
            TensorDataset(x[i], y[i], lengths[i]) for i in (train, val, test)
        )
        self._baseline = prior_cross_entropy(y[train], y[val], len(self.classes))

    @property
    def input_size(self) -> int:
        return len(self.features)

    @property
    def output_size(self) -> int:
        return len(self.classes)

    @property
    def baseline_loss(self) -> float:
        return self._baseline
