"""Multi-head attention splits the model's dimensions among its heads.

The notes' numbers: ``d_model = 256`` dimensions and 8 heads give 32 dimensions per
head. Each head attends with its own 32-dimensional slice of the queries, keys and
values, and the heads' outputs are concatenated back to 256, so eight heads cost no more
than one head of 256. That is why the heads must divide the dimensions.
"""

from __future__ import annotations

import torch


def head_dim(d_model: int, num_heads: int) -> int:
    if num_heads < 1 or d_model % num_heads:
        raise ValueError(
            f"{num_heads} heads do not divide {d_model} dimensions: choose heads that divide "
            f"it evenly (for {d_model}: "
            f"{', '.join(str(n) for n in range(1, 17) if d_model % n == 0)})"
        )
    return d_model // num_heads


def split_heads(x: torch.Tensor, num_heads: int) -> torch.Tensor:
    """``(batch, time, d_model)`` → ``(batch, heads, time, d_model / heads)``."""
    batch, steps, d_model = x.shape
    return x.view(batch, steps, num_heads, head_dim(d_model, num_heads)).transpose(1, 2)


def merge_heads(x: torch.Tensor) -> torch.Tensor:
    """The inverse: ``(batch, heads, time, head_dim)`` → ``(batch, time, heads × head_dim)``."""
    batch, heads, steps, size = x.shape
    return x.transpose(1, 2).reshape(batch, steps, heads * size)
