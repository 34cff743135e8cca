"""An ELMo-style language model (Peters et al., 2018), at character level.

Two LMs read the same text: the forward one left to right, predicting each next
character; the backward one right to left, predicting each previous one. A character's
representation is the two states side by side, so it knows both what came before and
what comes after. English puts the point first and Korean puts it last (the verb ends
the sentence): a read-out that sees both directions serves both languages.

``train_briefly`` trains it on the bundled corpus with a plain loop; the states of a
trained model are features for another task.
"""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from torch import nn


class BidirectionalLM(nn.Module):
    def __init__(self, vocab_size: int, embedding_dim: int = 32, hidden_size: int = 64) -> None:
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embedding_dim)  # shared by both LMs
        self.forward_lm = nn.LSTM(embedding_dim, hidden_size, batch_first=True)
        self.backward_lm = nn.LSTM(embedding_dim, hidden_size, batch_first=True)
        self.forward_head = nn.Linear(hidden_size, vocab_size)
        self.backward_head = nn.Linear(hidden_size, vocab_size)

    def directions(self, tokens: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """Forward states (step t has read 0..t) and backward states (step t has read
        t..end), each ``(batch, time, hidden)``."""
        embedded = self.embedding(tokens)
        forward, _ = self.forward_lm(embedded)
        backward, _ = self.backward_lm(embedded.flip(1))
        return forward, backward.flip(1)

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        """ELMo's representation: both states concatenated, ``(batch, time, 2 × hidden)``."""
        return torch.cat(self.directions(tokens), dim=-1)

    def loss(self, tokens: torch.Tensor) -> torch.Tensor:
        """Mean of the two LMs' losses, in bits per character."""
        forward, backward = self.directions(tokens)
        vocab = self.forward_head.out_features
        next_logits = self.forward_head(forward[:, :-1]).reshape(-1, vocab)
        previous_logits = self.backward_head(backward[:, 1:]).reshape(-1, vocab)
        nats = F.cross_entropy(next_logits, tokens[:, 1:].reshape(-1)) + F.cross_entropy(
            previous_logits, tokens[:, :-1].reshape(-1)
        )
        return nats / 2 / math.log(2)


def train_briefly(
    text: str, steps: int = 60, seq_len: int = 48, batch_size: int = 16, seed: int = 0
) -> tuple[BidirectionalLM, list[float]]:
    """Train on random windows of ``text``; the model and the loss (bpc) of every step."""
    torch.manual_seed(seed)
    vocab = sorted(set(text))
    index = {ch: i for i, ch in enumerate(vocab)}
    ids = torch.tensor([index[ch] for ch in text], dtype=torch.long)
    model = BidirectionalLM(len(vocab))
    optimiser = torch.optim.Adam(model.parameters(), lr=0.01)
    losses = []
    for _ in range(steps):
        starts = torch.randint(0, len(ids) - seq_len, (batch_size,))
        batch = torch.stack([ids[s : s + seq_len] for s in starts.tolist()])
        loss = model.loss(batch)
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
        losses.append(loss.item())
    return model, losses
