"""The networks: plain ``nn.Module``s that map ``(batch, time, features)`` to outputs.

They know nothing about losses or optimisers (that is ``module.py``), so you can use
them in any training loop. A config names one by its class (``class_path``) and gives
its own options (``init_args``); the LightningModule supplies the three that depend on
the task (input size, output size, one output per step or per sequence), so every
network's signature starts with those three (``NetFactory``).
"""

from __future__ import annotations

from collections.abc import Callable

import torch
from torch import nn

from .activations import ACTIVATIONS, Activation, Swish, make_activation
from .conv import ConvNet
from .recurrent import CELLS, RecurrentNet
from .shapes import Readout
from .transformer import TransformerNet, sinusoidal_positions

#: What a config's ``net`` becomes: a network waiting for the task's three arguments,
#: ``(input_size, output_size, sequence_output)``. jsonargparse turns a ``class_path``
#: and ``init_args`` into one (the dependency injection of LightningCLI's docs).
NetFactory = Callable[[int, int, bool], nn.Module]

#: The networks a config may name in ``model.init_args.net.class_path``.
NETWORKS: tuple[type[nn.Module], ...] = (RecurrentNet, ConvNet, TransformerNet)

__all__ = [
    "ACTIVATIONS",
    "CELLS",
    "Activation",
    "ConvNet",
    "Embedded",
    "NETWORKS",
    "NetFactory",
    "Readout",
    "RecurrentNet",
    "Swish",
    "TransformerNet",
    "make_activation",
    "sinusoidal_positions",
]


class Embedded(nn.Module):
    """Token ids ``(batch, time)`` become vectors ``(batch, time, dim)`` before ``body``."""

    def __init__(self, vocab_size: int, dim: int, body: nn.Module) -> None:
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, dim)
        self.body = body

    def forward(self, tokens: torch.Tensor, lengths: torch.Tensor | None = None) -> torch.Tensor:
        if tokens.dim() != 2 or tokens.is_floating_point():
            raise ValueError(
                f"the embedding got a tensor of shape {tuple(tokens.shape)} and dtype "
                f"{tokens.dtype} but expects token ids of shape (batch, time) and an integer "
                "dtype: feed character ids from the text data module"
            )
        return self.body(self.embedding(tokens), lengths)
