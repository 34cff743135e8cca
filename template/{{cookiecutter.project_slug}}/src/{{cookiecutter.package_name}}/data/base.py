"""What every data module here shares: loaders, and three facts the model is built from.

``input_size`` and ``output_size`` are linked into the model by the CLI, so a config
never repeats them; ``baseline_loss`` is the validation loss of the best prediction that
ignores the input, the number a model must beat before it has learnt anything.
"""

from __future__ import annotations

import lightning as L
from torch.utils.data import DataLoader, Dataset


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
