"""Data modules: each knows its input and output sizes and the loss of a blind guess."""

from .adding import AddingDataModule, adding_problem
from .base import SequenceDataModule
from .csv_sequences import CsvSequenceDataModule, read_sequences
from .digits import DigitsDataModule
from .text import TextDataModule

__all__ = [
    "AddingDataModule",
    "CsvSequenceDataModule",
    "DigitsDataModule",
    "SequenceDataModule",
    "TextDataModule",
    "adding_problem",
    "read_sequences",
]
