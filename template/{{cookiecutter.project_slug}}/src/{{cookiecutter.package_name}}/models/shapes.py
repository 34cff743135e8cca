"""Input checks whose messages teach: what arrived, what was expected, which option fixes it.

PyTorch's own errors ("mat1 and mat2 shapes cannot be multiplied") name neither the
layer nor the config option, so every network checks its input here first.
"""

from __future__ import annotations

from typing import Literal

import torch

from ..errors import ConfigError

#: How a network turns per-step states into its output; ``all`` keeps every step.
Readout = Literal["last", "mean", "max", "all"]


def check_sequence(x: torch.Tensor, features: int, who: str) -> None:
    """Require ``x`` to be ``(batch, time, features)``.

    A 2-D tensor usually means the previous layer returned only its last state
    (``readout: last``) while this layer needs the whole sequence. It runs on every
    forward pass, so a right shape returns after two integer comparisons; the messages
    are built only when the shape is wrong.
    """
    if x.dim() == 3 and x.shape[-1] == features:
        return
    expected = f"(batch, time, {features})"
    if x.dim() == 2:
        raise ValueError(
            f"{who} got a tensor of shape {tuple(x.shape)} but expects {expected}: the layer "
            "before it returned only one vector per sequence (its last state or a pooling). "
            "Set readout: all on that layer so it returns every time step, or put this layer "
            "before it."
        )
    if x.dim() != 3:
        raise ValueError(
            f"{who} got a tensor of shape {tuple(x.shape)} but expects {expected}: "
            "reshape the data to (batch, time, features)."
        )
    if x.size(-1) != features:
        raise ValueError(
            f"{who} got a tensor of shape {tuple(x.shape)} but expects {expected}: each time "
            f"step has {x.size(-1)} features, the layer was built for {features}. Set "
            f"input_size: {x.size(-1)} (the CLI links it from the data module), or change "
            "the data."
        )


def padding_mask(lengths: torch.Tensor | None, steps: int) -> torch.Tensor | None:
    """``True`` at padded positions, shape ``(batch, steps)``; ``None`` if nothing is padded."""
    if lengths is None:
        return None
    positions = torch.arange(steps, device=lengths.device)
    return positions[None, :] >= lengths[:, None]


def pool_time(states: torch.Tensor, how: str, lengths: torch.Tensor | None = None) -> torch.Tensor:
    """Summarise ``(batch, time, features)`` as ``(batch, features)``, skipping padding.

    ``last`` takes the last real step of each sequence, ``mean`` and ``max`` pool over
    all real steps.
    """
    mask = padding_mask(lengths, states.size(1))
    if how == "last":
        if lengths is None:
            return states[:, -1]
        index = (lengths - 1).clamp(min=0).to(states.device)
        return states[torch.arange(states.size(0), device=states.device), index]
    if how == "mean":
        if mask is None:
            return states.mean(dim=1)
        keep = (~mask).unsqueeze(-1).to(states.dtype)
        return (states * keep).sum(dim=1) / keep.sum(dim=1).clamp(min=1)
    if how == "max":
        if mask is None:
            return states.max(dim=1).values
        return states.masked_fill(mask.unsqueeze(-1), float("-inf")).max(dim=1).values
    raise ValueError(f"unknown readout {how!r}: set readout to one of last | mean | max | all")


def task_readout(readout: str | None, sequence_output: bool, default: str) -> str:
    """The readout a network uses: ``all`` for one output per step (a language model, whose
    config leaves readout out), else the config's choice or the network's ``default``."""
    if not sequence_output:
        return readout or default
    if readout not in (None, "all"):
        raise ConfigError(
            f"a language model needs one output per character, so readout: {readout} "
            "(one output per sequence) does not apply: leave readout out of the network",
            f"언어 모델은 글자마다 출력이 하나씩 필요해서 readout: {readout}(시퀀스마다 "
            "출력 하나)은(는) 맞지 않아요. 네트워크 설정에서 readout을 빼세요",
        )
    return "all"
