"""The networks: plain ``nn.Module``s that map ``(batch, time, features)`` to outputs.

They know nothing about losses or optimisers (that is ``module.py``), so you can use
them in any training loop. ``build_network`` picks one by the config's ``arch`` name.
"""

from __future__ import annotations

import torch
from torch import nn

from ..errors import ConfigError
from .activations import ACTIVATIONS, Swish, make_activation
from .conv import ConvNet
from .recurrent import CELLS, RecurrentNet
from .transformer import TransformerNet, sinusoidal_positions

ARCHS = ("rnn", "lstm", "gru", "conv1d", "transformer")

__all__ = [
    "ACTIVATIONS",
    "ARCHS",
    "CELLS",
    "ConvNet",
    "Embedded",
    "RecurrentNet",
    "Swish",
    "TransformerNet",
    "build_network",
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


def build_network(
    arch: str,
    input_size: int,
    output_size: int | None,
    *,
    sequence_output: bool = False,
    vocab_size: int | None = None,
    hidden_size: int = 64,
    num_layers: int = 1,
    bidirectional: bool = False,
    dropout: float = 0.0,
    activation: str = "tanh",
    readout: str = "last",
    learn_init: bool = False,
    kernel_size: int = 3,
    stride: int = 1,
    padding: int = 1,
    pool_size: int | None = None,
    nhead: int = 4,
) -> nn.Module:
    """The network named ``arch``; options that do not apply to it are ignored.

    ``sequence_output`` asks for one output per time step that sees only the past
    (language modelling); ``vocab_size`` puts an embedding of ``input_size`` in front.
    ``pool_size=None`` means 2 for one output per sequence and 1 (no pooling) for one
    output per step, so switching ``arch`` to conv1d in any config just works.
    """
    if pool_size is None:
        pool_size = 1 if sequence_output else 2
    if sequence_output:
        if bidirectional and arch in CELLS:
            raise ConfigError(
                "bidirectional: true lets the network read the very character it has to "
                "predict, so a language model would cheat: set bidirectional: false",
                "bidirectional: true이면 네트워크가 맞혀야 할 바로 그 글자를 미리 읽어서 "
                "언어 모델이 답을 훔쳐봐요. bidirectional: false로 바꿔 주세요",
            )
        readout = "all"
    make_activation(activation)  # fail early, with the list of names
    if arch in CELLS:
        body: nn.Module = RecurrentNet(
            arch, input_size, output_size, hidden_size, num_layers, bidirectional,
            dropout, learn_init, readout, activation,
        )  # fmt: skip
    elif arch == "conv1d":
        body = ConvNet(
            input_size, output_size, hidden_size, num_layers, kernel_size, stride, padding,
            pool_size, dropout, activation, readout, causal=sequence_output,
        )  # fmt: skip
    elif arch == "transformer":
        body = TransformerNet(
            input_size, output_size, hidden_size, nhead, num_layers, None, dropout,
            activation, readout, causal=sequence_output,
        )  # fmt: skip
    else:
        raise ValueError(f"unknown arch {arch!r}: set arch to one of {' | '.join(ARCHS)}")
    if vocab_size is not None:
        return Embedded(vocab_size, input_size, body)
    return body
