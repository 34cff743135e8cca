"""The LSTM's gates written out once, in the notes' order and names.

With input ``x_t``, previous hidden state ``h`` and cell state ``c``::

    i = σ(W_i x_t + U_i h + b_i)     input gate: how much new content to write
    f = σ(W_f x_t + U_f h + b_f)     forget gate: how much of c to keep
    g = tanh(W_g x_t + U_g h + b_g)  candidate content
    o = σ(W_o x_t + U_o h + b_o)     output gate: how much of the cell to show
    c = f ⊙ c + i ⊙ g                the cell: an additive path, so gradients survive
    h = o ⊙ tanh(c)

``ReadableLSTM.from_torch`` copies an ``nn.LSTM``'s weights (PyTorch stacks the blocks
in the order i, f, g, o), and then both give the same outputs.
"""

from __future__ import annotations

import torch
from torch import nn


class ReadableLSTMCell(nn.Module):
    def __init__(self, input_size: int, hidden_size: int) -> None:
        super().__init__()
        self.hidden_size = hidden_size
        self.input_weights = nn.Linear(input_size, 4 * hidden_size)  # W and b_ih
        self.hidden_weights = nn.Linear(hidden_size, 4 * hidden_size)  # U and b_hh

    def forward(
        self, x: torch.Tensor, state: tuple[torch.Tensor, torch.Tensor]
    ) -> tuple[torch.Tensor, torch.Tensor]:
        h, c = state
        pre_i, pre_f, pre_g, pre_o = (self.input_weights(x) + self.hidden_weights(h)).chunk(4, -1)
        i = torch.sigmoid(pre_i)
        f = torch.sigmoid(pre_f)
        g = torch.tanh(pre_g)
        o = torch.sigmoid(pre_o)
        c = f * c + i * g
        h = o * torch.tanh(c)
        return h, c


class ReadableLSTM(nn.Module):
    """One layer over ``(batch, time, features)``: the same cell at every step."""

    def __init__(self, input_size: int, hidden_size: int) -> None:
        super().__init__()
        self.cell = ReadableLSTMCell(input_size, hidden_size)

    @classmethod
    def from_torch(cls, lstm: nn.LSTM) -> ReadableLSTM:
        if lstm.num_layers != 1 or lstm.bidirectional or not lstm.batch_first:
            raise ValueError("copy a one-layer, one-direction nn.LSTM with batch_first=True")
        readable = cls(lstm.input_size, lstm.hidden_size)
        with torch.no_grad():
            readable.cell.input_weights.weight.copy_(lstm.weight_ih_l0)
            readable.cell.input_weights.bias.copy_(lstm.bias_ih_l0)
            readable.cell.hidden_weights.weight.copy_(lstm.weight_hh_l0)
            readable.cell.hidden_weights.bias.copy_(lstm.bias_hh_l0)
        return readable

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, tuple[torch.Tensor, torch.Tensor]]:
        """Per-step outputs ``(batch, time, hidden)`` and the final ``(h, c)``, like
        ``nn.LSTM`` (whose final states have a leading layer axis of 1)."""
        batch = x.size(0)
        h = x.new_zeros(batch, self.cell.hidden_size)
        c = x.new_zeros(batch, self.cell.hidden_size)
        outputs = []
        for step in range(x.size(1)):
            h, c = self.cell(x[:, step], (h, c))
            outputs.append(h)
        return torch.stack(outputs, dim=1), (h.unsqueeze(0), c.unsqueeze(0))
