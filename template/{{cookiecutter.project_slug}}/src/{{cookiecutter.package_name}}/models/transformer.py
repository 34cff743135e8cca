"""A Transformer encoder over time steps, with sinusoidal positions.

Attention by itself ignores order, so each step gets a position signal added
(Vaswani et al., 2017). A padding mask keeps attention off padded steps; a causal mask
keeps each step from seeing later ones, which a language model needs.
"""

from __future__ import annotations

import math

import torch
from torch import nn

from ..errors import ConfigError, ko
from .activations import Activation, make_activation
from .shapes import Readout, check_sequence, padding_mask, pool_time, task_readout


def sinusoidal_positions(
    steps: int, d_model: int, device: torch.device | None = None
) -> torch.Tensor:
    """``(steps, d_model)``: sin on even features, cos on odd ones, wavelengths 2π to 10000·2π."""
    position = torch.arange(steps, device=device, dtype=torch.float32).unsqueeze(1)
    rate = torch.exp(
        torch.arange(0, d_model, 2, device=device, dtype=torch.float32)
        * (-math.log(10000.0) / d_model)
    )
    table = torch.zeros(steps, d_model, device=device)
    table[:, 0::2] = torch.sin(position * rate)
    table[:, 1::2] = torch.cos(position * rate)[:, : d_model // 2]
    return table


class TransformerNet(nn.Module):
    """A linear projection to ``hidden_size`` (the paper's d_model), positions, a pre-norm
    encoder stack and a head.

    The first three arguments come from the task, as for every network here (see
    ``RecurrentNet``); ``sequence_output`` adds the causal mask. ``readout`` left empty
    is ``mean``, or ``all`` for ``sequence_output``.
    """

    label = "Transformer"  # how messages name it

    def __init__(
        self,
        input_size: int,
        output_size: int | None,
        sequence_output: bool = False,
        *,
        hidden_size: int = 64,
        nhead: int = 4,
        num_layers: int = 2,
        dim_feedforward: int | None = None,
        dropout: float = 0.1,
        activation: Activation = "gelu",
        readout: Readout | None = None,
    ) -> None:
        super().__init__()
        d_model, causal = hidden_size, sequence_output  # the paper's name; causal for an LM
        readout = task_readout(readout, sequence_output, default="mean")
        if d_model % nhead:
            example = nhead * max(1, round(d_model / nhead))
            raise ConfigError(
                f"a Transformer splits hidden_size={d_model} across nhead={nhead} heads, so it "
                f"must divide evenly: set hidden_size to a multiple of {nhead} "
                f"(e.g. {example}) or nhead to a divisor of it",
                ko(
                    "Transformer는 hidden_size={d_model}을(를) nhead={nhead}개 헤드로 나눠요. "
                    "나누어떨어져야 하니 hidden_size를 {nhead}의 배수(예: {example})로 하거나 "
                    "nhead를 그 약수로 바꿔 주세요",
                    d_model=d_model,
                    nhead=nhead,
                    example=example,
                ),
            )
        self.input_size, self.d_model = input_size, d_model
        self.readout, self.causal = readout, causal
        self.project = nn.Linear(input_size, d_model)
        layer = nn.TransformerEncoderLayer(
            d_model,
            nhead,
            dim_feedforward or 4 * d_model,
            dropout,
            activation=make_activation(activation),
            batch_first=True,
            norm_first=True,  # pre-norm trains more steadily without warm-up
        )
        self.encoder = nn.TransformerEncoder(
            layer, num_layers, norm=nn.LayerNorm(d_model), enable_nested_tensor=False
        )
        self.head: nn.Module = nn.Identity()
        if output_size is not None:
            self.head = nn.Linear(d_model, output_size)

    def forward(self, x: torch.Tensor, lengths: torch.Tensor | None = None) -> torch.Tensor:
        check_sequence(x, self.input_size, f"Transformer (input_size={self.input_size})")
        steps = x.size(1)
        h = self.project(x) + sinusoidal_positions(steps, self.d_model, x.device)
        # A boolean mask, like the padding mask (PyTorch wants both of one type).
        causal = (
            torch.ones(steps, steps, dtype=torch.bool, device=x.device).triu(diagonal=1)
            if self.causal
            else None
        )
        pad = padding_mask(lengths, steps)
        h = self.encoder(h, mask=causal, src_key_padding_mask=pad, is_causal=self.causal)
        if self.readout == "all":
            return self.head(h)
        return self.head(pool_time(h, self.readout, lengths))
