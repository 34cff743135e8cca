"""A stack of 1-D convolutions over time, each followed by max pooling.

Each block maps (batch, channels, time) with Conv1d, then the activation, then
MaxPool1d, which shrinks the time axis by ``pool_size``: after a few blocks the network
sees long stretches of the sequence at once. For language modelling (``causal``) the
time axis must keep one output per step and never look ahead, so the padding is all on
the left and there is no striding or pooling.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn

from ..errors import ConfigError, ko
from .activations import Activation, make_activation
from .shapes import Readout, check_sequence, padding_mask, pool_time, task_readout


class ConvNet(nn.Module):
    """Conv1d → activation → MaxPool1d blocks, then a pooling over time and a head.

    The first three arguments come from the task, as for every network here (see
    ``RecurrentNet``). ``sequence_output`` makes the network causal: the padding goes on
    the left, and ``pool_size`` left empty means 1 (no pooling) instead of 2, so there is
    still one output per step. ``readout`` left empty is ``max``, or ``all`` for
    ``sequence_output``.
    """

    label = "Conv1D"  # how messages name it

    def __init__(
        self,
        input_size: int,
        output_size: int | None,
        sequence_output: bool = False,
        *,
        hidden_size: int = 64,
        num_layers: int = 2,
        kernel_size: int = 3,
        stride: int = 1,
        padding: int = 1,
        pool_size: int | None = None,
        dropout: float = 0.0,
        activation: Activation = "relu",
        readout: Readout | None = None,
    ) -> None:
        super().__init__()
        causal = sequence_output
        readout = task_readout(readout, sequence_output, default="max")
        if pool_size is None:
            pool_size = 1 if causal else 2
        if causal and (stride != 1 or pool_size > 1):
            raise ConfigError(
                f"a language model's Conv1D must keep one output per character, but "
                f"stride={stride} and pool_size={pool_size} shrink the time axis: set "
                "stride: 1 and leave pool_size out",
                ko(
                    "언어 모델의 Conv1D는 글자마다 출력을 하나씩 내야 하는데 stride={stride}, "
                    "pool_size={pool_size}이(가) 시간 축을 줄여요. stride: 1로 두고 pool_size는 "
                    "빼세요",
                    stride=stride,
                    pool_size=pool_size,
                ),
            )
        self.input_size, self.readout, self.causal = input_size, readout, causal
        self.kernel_size, self.stride, self.padding = kernel_size, stride, padding
        self.pool_size = pool_size
        blocks = []
        channels = input_size
        for _ in range(num_layers):
            blocks.append(
                nn.ModuleDict(
                    {
                        # Causal padding is added by hand on the left in forward().
                        "conv": nn.Conv1d(
                            channels, hidden_size, kernel_size, stride, 0 if causal else padding
                        ),
                        "act": make_activation(activation),
                        "drop": nn.Dropout(dropout),
                    }
                )
            )
            channels = hidden_size
        self.blocks = nn.ModuleList(blocks)
        self.pool = nn.MaxPool1d(pool_size) if pool_size > 1 else nn.Identity()
        self.head: nn.Module = nn.Identity()
        if output_size is not None:
            self.head = nn.Linear(hidden_size, output_size)

    def steps_after(self, steps: int) -> list[int]:
        """The length of the time axis after each block, for a sequence of ``steps``."""
        lengths = []
        for _ in self.blocks:
            if not self.causal:
                steps = (steps + 2 * self.padding - self.kernel_size) // self.stride + 1
                if self.pool_size > 1:
                    steps //= self.pool_size
            lengths.append(steps)
        return lengths

    def forward(self, x: torch.Tensor, lengths: torch.Tensor | None = None) -> torch.Tensor:
        check_sequence(x, self.input_size, f"Conv1D (input_size={self.input_size})")
        for block, steps in enumerate(self.steps_after(x.size(1)), start=1):
            if steps < 1:
                raise ConfigError(
                    f"Conv1D block {block} would leave {steps} time steps from an input of "
                    f"shape {tuple(x.shape)} (expected at least 1 step after every block): "
                    "lower num_layers, pool_size, stride or kernel_size, or use longer sequences",
                    f"Conv1D {block}번째 블록을 지나면 입력 모양 {tuple(x.shape)}에서 시간 "
                    f"스텝이 {steps}개만 남아요 (블록마다 1개 이상 남아야 해요). num_layers, "
                    "pool_size, stride, kernel_size를 줄이거나 더 긴 시퀀스를 쓰세요",
                )
        h = x.transpose(1, 2)  # Conv1d wants (batch, channels, time)
        for block in self.blocks:
            # Padded steps must not count as data: zero them before each convolution, as
            # the zero padding of an unpadded sequence would be, so a padded sequence gives
            # the same outputs as itself alone.
            h = self.zero_padding(h, lengths)
            if self.causal:
                h = F.pad(h, (self.kernel_size - 1, 0))
            h = block["drop"](self.pool(block["act"](block["conv"](h))))
            if lengths is not None:
                lengths = self.lengths_after_block(lengths)
        states = h.transpose(1, 2)
        if self.readout == "all":
            return self.head(states)
        return self.head(pool_time(states, self.readout, lengths))

    @staticmethod
    def zero_padding(h: torch.Tensor, lengths: torch.Tensor | None) -> torch.Tensor:
        mask = padding_mask(lengths, h.size(-1))
        return h if mask is None else h.masked_fill(mask.unsqueeze(1), 0.0)

    def lengths_after_block(self, lengths: torch.Tensor) -> torch.Tensor:
        """Each sequence's real steps after one block (at least 1, so it still has an output)."""
        if self.causal:
            return lengths
        steps = (lengths + 2 * self.padding - self.kernel_size) // self.stride + 1
        return (steps // self.pool_size).clamp(min=1)
