"""Handwritten digits read row by row: an 8×8 image becomes 8 time steps of 8 features.

The images come with scikit-learn (``load_digits``, 1,797 of them), so nothing is
downloaded. A model sees one pixel row at a time and must name the digit at the end.
"""

from __future__ import annotations

import torch
from sklearn.datasets import load_digits
from torch.utils.data import TensorDataset

from .base import SequenceDataModule, split_indices


def prior_cross_entropy(
    train_labels: torch.Tensor, eval_labels: torch.Tensor, classes: int
) -> float:
    """Cross-entropy (nats) on ``eval_labels`` of predicting the training class frequencies."""
    counts = torch.bincount(train_labels, minlength=classes).double() + 1.0  # add-one
    log_prior = (counts / counts.sum()).log()
    return float(-log_prior[eval_labels].mean())


class DigitsDataModule(SequenceDataModule):
    def __init__(
        self,
        val_fraction: float = 0.15,
        test_fraction: float = 0.15,
        batch_size: int = 64,
        num_workers: int = 0,
        seed: int = 0,
    ) -> None:
        super().__init__(batch_size, num_workers, seed)
        images, labels = load_digits(return_X_y=True)
        # Pixels are 0..16; scale to 0..1 and read each image as 8 rows of 8 pixels.
        x = torch.tensor(images, dtype=torch.float32).reshape(-1, 8, 8) / 16.0
        y = torch.tensor(labels, dtype=torch.long)
        train, val, test = split_indices(len(y), val_fraction, test_fraction, seed)
        self.train_set = TensorDataset(x[train], y[train])
        self.val_set = TensorDataset(x[val], y[val])
        self.test_set = TensorDataset(x[test], y[test])
        self._baseline = prior_cross_entropy(y[train], y[val], 10)

    @property
    def input_size(self) -> int:
        return 8  # pixels per row

    @property
    def output_size(self) -> int:
        return 10

    @property
    def baseline_loss(self) -> float:
        """Cross-entropy of predicting the class frequencies, about ln 10 ≈ 2.30."""
        return self._baseline
