"""Activation functions by name, so a config line like ``activation: swish`` picks one."""

from __future__ import annotations

from typing import Literal

import torch
from torch import nn

#: The names a config may give; ``ACTIVATIONS`` maps each to its module.
Activation = Literal["relu", "tanh", "gelu", "swish"]


class Swish(nn.Module):
    """swish(x) = x * sigmoid(x) (Ramachandran et al., 2017; PyTorch calls it SiLU).

    Written out instead of using ``nn.SiLU`` so the formula is right here to read.
    """

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x * torch.sigmoid(x)


ACTIVATIONS: dict[str, type[nn.Module]] = {
    "relu": nn.ReLU,
    "tanh": nn.Tanh,
    "gelu": nn.GELU,
    "swish": Swish,
}


def make_activation(name: str) -> nn.Module:
    """A fresh activation module for ``name``; unknown names list the choices."""
    try:
        return ACTIVATIONS[name]()
    except KeyError:
        choices = " | ".join(ACTIVATIONS)
        raise ValueError(
            f"unknown activation {name!r}: set activation to one of {choices}"
        ) from None
