"""Weight sharing over time: an RNN applies the same weights at every step.

So the parameter count depends on the input size ``i`` and the hidden size ``h`` only,
never on how long the sequence is. The notes write one bias vector per layer,
``h(h + i + 1)`` parameters; PyTorch keeps two (``b_ih`` and ``b_hh``, which add up to
the same thing), ``h(h + i) + 2h``. An LSTM has four such blocks, a GRU three.
"""

from __future__ import annotations

from torch import nn

GATE_BLOCKS = {"rnn": 1, "gru": 3, "lstm": 4}


def notes_count(input_size: int, hidden_size: int, cell: str = "rnn") -> int:
    """The notes' count with one bias vector: ``blocks × h(h + i + 1)``."""
    h, i = hidden_size, input_size
    return GATE_BLOCKS[cell] * h * (h + i + 1)


def pytorch_count(input_size: int, hidden_size: int, cell: str = "rnn") -> int:
    """PyTorch's count with two bias vectors: ``blocks × (h(h + i) + 2h)``."""
    h, i = hidden_size, input_size
    return GATE_BLOCKS[cell] * (h * (h + i) + 2 * h)


def parameter_count(module: nn.Module) -> int:
    return sum(p.numel() for p in module.parameters())
