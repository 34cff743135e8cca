"""The adding problem (Hochreiter & Schmidhuber, 1997): a memory test for sequence models.

Each sequence has two channels: values drawn from U(-1, 1), and a marker that is 1 at
one position in the first half and one in the second half, 0 elsewhere. The target is
the sum of the two marked values, so the model must remember a value for up to
``seq_len`` steps. Data are generated from a seed: nothing is downloaded.
"""

from __future__ import annotations

import torch
from torch.utils.data import TensorDataset

from .base import SequenceDataModule


def adding_problem(
    count: int, seq_len: int, generator: torch.Generator
) -> tuple[torch.Tensor, torch.Tensor]:
    """``count`` sequences: inputs ``(count, seq_len, 2)`` and targets ``(count,)``."""
    values = torch.rand(count, seq_len, generator=generator) * 2 - 1
    half = seq_len // 2
    first = torch.randint(0, half, (count,), generator=generator)
    second = torch.randint(half, seq_len, (count,), generator=generator)
    rows = torch.arange(count)
    markers = torch.zeros(count, seq_len)
    markers[rows, first] = 1.0
    markers[rows, second] = 1.0
    targets = values[rows, first] + values[rows, second]
    return torch.stack([values, markers], dim=-1), targets


class AddingDataModule(SequenceDataModule):
    def __init__(
        self,
        seq_len: int = 50,
        train_size: int = 10_000,
        val_size: int = 1_000,
        test_size: int = 1_000,
        batch_size: int = 64,
        num_workers: int = 0,
        seed: int = 0,
    ) -> None:
        super().__init__(batch_size, num_workers, seed)
        if seq_len < 2:
            raise ValueError(f"seq_len={seq_len} leaves no room for two markers: set seq_len >= 2")
        self.seq_len = seq_len
        self.sizes = (train_size, val_size, test_size)

    @property
    def input_size(self) -> int:
        return 2  # the value and the marker

    @property
    def output_size(self) -> int:
        return 1

    @property
    def baseline_loss(self) -> float:
        """MSE of always predicting 0, the mean target.

        Each marked value is U(-1, 1), with variance (1 - (-1))² / 12 = 1/3; the two are
        independent, so the target's variance, the MSE of the best constant, is 2/3.
        """
        return 2.0 / 3.0

    def setup(self, stage: str | None = None) -> None:
        if self.train_set is not None:
            return
        # Each split from its own seed, so a bigger train_size leaves val and test as
        # they were and results stay comparable.
        train, val, test = (
            TensorDataset(
                *adding_problem(
                    n, self.seq_len, torch.Generator().manual_seed(3 * self.seed + split)
                )
            )
            for split, n in enumerate(self.sizes)
        )
        self.train_set, self.val_set, self.test_set = train, val, test
