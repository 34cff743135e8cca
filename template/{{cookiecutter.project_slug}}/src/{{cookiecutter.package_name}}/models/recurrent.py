"""RNN, LSTM and GRU networks: stacking, both directions, a learnable initial state.

Parameter count of one layer and direction, with input size i and hidden size h:
RNN h(h + i) + 2h (input and recurrent weights, two bias vectors); an LSTM has four such
blocks (input, forget, cell and output gates), a GRU three (reset, update, candidate).
A bidirectional layer has twice that, and the next layer then reads 2h features.
"""

from __future__ import annotations

from typing import Literal

import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from ..errors import ConfigError
from .activations import Activation, make_activation
from .shapes import Readout, check_sequence, pool_time, task_readout

CELLS: dict[str, type[nn.RNNBase]] = {"rnn": nn.RNN, "lstm": nn.LSTM, "gru": nn.GRU}


class RecurrentNet(nn.Module):
    """A recurrent stack and a small head.

    The first three arguments come from the task (the LightningModule passes them, so
    a config gives only the rest): the input features, the outputs (``None`` leaves out
    the head, so the features come out as they are), and ``sequence_output``, one output
    per step that sees only the past (a language model).

    ``arch`` picks the cell. ``readout`` turns the per-step states into one output per
    sequence: ``last`` the final state (of both directions when bidirectional), ``mean``
    or ``max`` a pooling over all real (unpadded) steps; left empty it is ``last``, or
    ``all`` (every step) for ``sequence_output``.
    """

    def __init__(
        self,
        input_size: int,
        output_size: int | None,
        sequence_output: bool = False,
        *,
        arch: Literal["rnn", "lstm", "gru"] = "lstm",
        hidden_size: int = 64,
        num_layers: int = 1,
        bidirectional: bool = False,
        dropout: float = 0.0,
        activation: Activation = "tanh",
        readout: Readout | None = None,
        learn_init: bool = False,
    ) -> None:
        super().__init__()
        if arch not in CELLS:
            raise ValueError(
                f"unknown recurrent cell {arch!r}: set arch to one of rnn | lstm | gru"
            )
        readout = task_readout(readout, sequence_output, default="last")
        if sequence_output and bidirectional:
            raise ConfigError(
                "bidirectional: true lets the network read the very character it has to "
                "predict, so a language model would cheat: set bidirectional: false",
                "bidirectional: true이면 네트워크가 맞혀야 할 바로 그 글자를 미리 읽어서 "
                "언어 모델이 답을 훔쳐봐요. bidirectional: false로 바꿔 주세요",
            )
        make_activation(activation)  # fail early, with the list of names
        cell = arch
        self.cell, self.input_size, self.readout = cell, input_size, readout
        self.label = cell.upper()  # how messages name it
        self.who = f"{cell.upper()} (input_size={input_size})"  # names it in shape errors
        self.directions = 2 if bidirectional else 1
        # An Elman RNN's own nonlinearity follows `activation` where nn.RNN can (tanh or
        # relu); gelu and swish then apply in the head only, since nn.RNN has no such mode.
        extra = (
            {"nonlinearity": "relu" if activation == "relu" else "tanh"} if cell == "rnn" else {}
        )
        # PyTorch applies this dropout between stacked layers only, so one layer skips it.
        self.rnn = CELLS[cell](
            input_size,
            hidden_size,
            num_layers=num_layers,
            bidirectional=bidirectional,
            dropout=dropout if num_layers > 1 else 0.0,
            batch_first=True,
            **extra,
        )
        self.init_state: nn.ParameterList | None = None
        if learn_init:
            shape = (num_layers * self.directions, 1, hidden_size)
            count = 2 if cell == "lstm" else 1  # an LSTM starts from (h0, c0)
            self.init_state = nn.ParameterList(
                nn.Parameter(torch.zeros(shape)) for _ in range(count)
            )
        features = hidden_size * self.directions
        self.drop = nn.Dropout(dropout)
        self.head: nn.Module = nn.Identity()
        if output_size is not None:
            self.head = nn.Sequential(
                nn.Linear(features, hidden_size),
                make_activation(activation),
                nn.Linear(hidden_size, output_size),
            )

    def initial_state(self, batch: int) -> torch.Tensor | tuple[torch.Tensor, ...] | None:
        """The learned start state repeated for each sequence, or ``None`` (zeros)."""
        if self.init_state is None:
            return None
        states = tuple(p.expand(-1, batch, -1).contiguous() for p in self.init_state)
        return states if self.cell == "lstm" else states[0]

    def forward(self, x: torch.Tensor, lengths: torch.Tensor | None = None) -> torch.Tensor:
        check_sequence(x, self.input_size, self.who)
        start = self.initial_state(x.size(0))
        if lengths is None:
            states, final = self.rnn(x, start)
        else:
            # Packing makes the recurrence stop at each sequence's real end.
            packed = pack_padded_sequence(x, lengths.cpu(), batch_first=True, enforce_sorted=False)
            states, final = self.rnn(packed, start)
            states, _ = pad_packed_sequence(states, batch_first=True, total_length=x.size(1))
        if self.readout == "all":
            features = states
        elif self.readout == "last":
            hidden = final[0] if self.cell == "lstm" else final
            # The top layer's final state of each direction: forward then backward.
            if self.directions == 1:
                features = hidden[-1]
            else:
                features = torch.cat((hidden[-2], hidden[-1]), dim=-1)
        else:
            features = pool_time(states, self.readout, lengths)
        return self.head(self.drop(features))
