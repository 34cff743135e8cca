"""Character-level language modelling on a text file.

Without ``path`` a corpus that ships in this package is used: ``corpus: en``
(``corpus.txt``) or ``corpus: ko`` (``corpus_ko.txt``, Korean prose written for it). The
vocabulary is the sorted set of characters in the file, so the same file always gives
the same ids. The first 80% of the text trains, the next 10% validates, the last 10%
tests. Losses are in bits per character (bpc).
"""

from __future__ import annotations

import math
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Literal

import torch
from torch.utils.data import TensorDataset

from .base import SequenceDataModule

CORPORA = {"en": "corpus.txt", "ko": "corpus_ko.txt"}


def default_corpus(corpus: str = "en") -> str:
    return resources.files(__package__).joinpath(CORPORA[corpus]).read_text(encoding="utf-8")


def windows(ids: torch.Tensor, seq_len: int) -> TensorDataset:
    """Inputs and next-character targets, non-overlapping windows of ``seq_len``."""
    count = (len(ids) - 1) // seq_len
    if count < 1:
        raise ValueError(
            f"a text split of {len(ids)} characters is shorter than seq_len={seq_len}: "
            "lower seq_len or use a longer text"
        )
    span = count * seq_len
    return TensorDataset(ids[:span].view(count, seq_len), ids[1 : span + 1].view(count, seq_len))


class TextDataModule(SequenceDataModule):
    def __init__(
        self,
        path: str | None = None,
        seq_len: int = 64,
        batch_size: int = 32,
        prompt: str = "The ",
        num_workers: int = 0,
        seed: int = 0,
        corpus: Literal["en", "ko"] = "en",
    ) -> None:
        super().__init__(batch_size, num_workers, seed)
        if path is None:
            text = default_corpus(corpus)
        elif Path(path).is_file():
            text = Path(path).read_text(encoding="utf-8")
        else:
            raise FileNotFoundError(f"no text file at {path}: set data.init_args.path to a file")
        self.vocab = "".join(sorted(set(text)))
        self.index = {ch: i for i, ch in enumerate(self.vocab)}
        ids = self.encode(text)
        a, b = int(len(ids) * 0.8), int(len(ids) * 0.9)
        self.train_set = windows(ids[:a], seq_len)
        self.val_set = windows(ids[a:b], seq_len)
        self.test_set = windows(ids[b:], seq_len)
        self.prompt = prompt
        self.encode(prompt)  # fail now, not at predict time
        self._baseline = unigram_bits(text[:a], text[a:b])

    @property
    def input_size(self) -> int:
        return len(self.vocab)

    @property
    def output_size(self) -> int:
        return len(self.vocab)

    @property
    def baseline_loss(self) -> float:
        """Bits per character of predicting each character by its frequency alone."""
        return self._baseline

    def encode(self, text: str) -> torch.Tensor:
        unknown = sorted(set(text) - set(self.index))
        if unknown:
            raise ValueError(
                f"the text has characters the corpus never uses: {''.join(unknown)!r}; "
                "remove them from the prompt or train on a corpus that has them"
            )
        return torch.tensor([self.index[ch] for ch in text], dtype=torch.long)

    def decode(self, ids: torch.Tensor) -> str:
        return "".join(self.vocab[i] for i in ids.tolist())

    def predict_dataloader(self) -> torch.utils.data.DataLoader:
        """One batch holding the prompt; the model continues it."""
        return torch.utils.data.DataLoader([self.encode(self.prompt)], batch_size=1)


def unigram_bits(train: str, evaluate: str) -> float:
    """Cross-entropy in bits of ``evaluate`` under ``train``'s character frequencies."""
    counts = Counter(train)
    alphabet = set(train) | set(evaluate)
    total = len(train) + len(alphabet)  # add-one smoothing: unseen characters cost finite bits
    return -sum(math.log2((counts[ch] + 1) / total) for ch in evaluate) / len(evaluate)
