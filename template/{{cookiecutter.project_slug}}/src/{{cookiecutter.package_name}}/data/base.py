"""What every data module here shares: loaders, and three facts the model is built from.

``input_size`` and ``output_size`` are linked into the model by the CLI, so a config
never repeats them; ``baseline_loss`` is the validation loss of the best prediction that
ignores the input, the number a model must beat before it has learnt anything.
"""

from __future__ import annotations

import math

import lightning as L
import torch
from torch.utils.data import DataLoader, Dataset


def split_indices(
    count: int, val_fraction: float, test_fraction: float, seed: int
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Shuffle ``0..count-1`` with ``seed`` and cut it into train, val and test indices.

    Validation and test get at least one example each, so tiny files still split.
    """
    order = torch.randperm(count, generator=torch.Generator().manual_seed(seed))
    n_val, n_test = (max(1, math.floor(count * f)) for f in (val_fraction, test_fraction))
    if count < n_val + n_test + 1:
        raise ValueError(f"{count} sequences are too few to split into train, val and test")
    return order[n_val + n_test :], order[:n_val], order[n_val : n_val + n_test]


class SequenceDataModule(L.LightningDataModule):
    def __init__(self, batch_size: int = 64, num_workers: int = 0, seed: int = 0) -> None:
        super().__init__()
        self.batch_size, self.num_workers, self.seed = batch_size, num_workers, seed
        self.train_set: Dataset | None = None
        self.val_set: Dataset | None = None
        self.test_set: Dataset | None = None

    @property
    def input_size(self) -> int:
        """Features per time step (or the number of distinct tokens for text)."""
        raise NotImplementedError

    @property
    def output_size(self) -> int:
        """Outputs per prediction: 1 for regression, classes, or tokens."""
        raise NotImplementedError

    @property
    def baseline_loss(self) -> float:
        """The validation loss of the best constant prediction."""
        raise NotImplementedError

    def _loader(self, dataset: Dataset | None, shuffle: bool = False) -> DataLoader:
        if dataset is None:
            raise RuntimeError("call setup() before asking for a data loader")
        return DataLoader(
            dataset,
            batch_size=self.batch_size,
            shuffle=shuffle,
            num_workers=self.num_workers,
            persistent_workers=self.num_workers > 0,
        )

    def train_dataloader(self) -> DataLoader:
        return self._loader(self.train_set, shuffle=True)

    def val_dataloader(self) -> DataLoader:
        return self._loader(self.val_set)

    def test_dataloader(self) -> DataLoader:
        return self._loader(self.test_set)

    def predict_dataloader(self) -> DataLoader:
        return self._loader(self.test_set)
