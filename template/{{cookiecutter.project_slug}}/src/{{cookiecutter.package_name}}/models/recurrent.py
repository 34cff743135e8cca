"""RNN, LSTM and GRU networks: stacking, both directions, a learnable initial state.

Parameter count of one layer and direction, with input size i and hidden size h:
RNN h(h + i) + 2h (input and recurrent weights, two bias vectors); an LSTM has four such
blocks (input, forget, cell and output gates), a GRU three (reset, update, candidate).
A bidirectional layer has twice that, and the next layer then reads 2h features.
"""

from __future__ import annotations

import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from .activations import make_activation
from .shapes import check_sequence, pool_time

CELLS: dict[str, type[nn.RNNBase]] = {"rnn": nn.RNN, "lstm": nn.LSTM, "gru": nn.GRU}
READOUTS = ("last", "mean", "max", "all")


class RecurrentNet(nn.Module):
    """A recurrent stack and a small head.

    ``readout`` turns the per-step states into the network's output:
    ``last`` the final state (of both directions when bidirectional), ``mean`` or
    ``max`` a pooling over all real (unpadded) steps, ``all`` one output per step
    (sequence to sequence, as a language model needs).
    ``output_size=None`` leaves out the head, so the features come out as they are.
    """

    def __init__(
        self,
        cell: str,
        input_size: int,
        output_size: int | None,
        hidden_size: int = 64,
        num_layers: int = 1,
        bidirectional: bool = False,
        dropout: float = 0.0,
        learn_init: bool = False,
        readout: str = "last",
        activation: str = "tanh",
    ) -> None:
        super().__init__()
        if cell not in CELLS:
            raise ValueError(
                f"unknown recurrent cell {cell!r}: set arch to one of rnn | lstm | gru"
            )
        if readout not in READOUTS:
            raise ValueError(
                f"unknown readout {readout!r}: set readout to one of last | mean | max"
            )
        self.cell, self.input_size, self.readout = cell, input_size, readout
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
