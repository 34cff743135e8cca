"""The course notes' lessons (src/{{ cookiecutter.package_name }}/lessons/): each is code
that must agree with PyTorch, so a wrong formula or a wrong gate fails here."""

from __future__ import annotations

import pytest
import torch
from torch import nn

from {{ cookiecutter.package_name }}.data.text import default_corpus
from {{ cookiecutter.package_name }}.lessons.attention_split import head_dim, merge_heads, split_heads
from {{ cookiecutter.package_name }}.lessons.elmo import BidirectionalLM, train_briefly
from {{ cookiecutter.package_name }}.lessons.lstm_cell import ReadableLSTM
from {{ cookiecutter.package_name }}.lessons.weight_sharing import (
    notes_count,
    parameter_count,
    pytorch_count,
)


@pytest.mark.parametrize("cell", [nn.RNN, nn.LSTM, nn.GRU])
def test_weight_sharing_the_count_does_not_depend_on_the_sequence_length(cell):
    net = cell(5, 16, batch_first=True)
    before = parameter_count(net)
    for steps in (3, 300):
        out, _ = net(torch.randn(2, steps, 5))
        assert out.shape == (2, steps, 16)
        assert parameter_count(net) == before  # 300 steps, the same weights as 3


@pytest.mark.parametrize("cell,name", [(nn.RNN, "rnn"), (nn.LSTM, "lstm"), (nn.GRU, "gru")])
@pytest.mark.parametrize("inputs,hidden", [(1, 1), (10, 20), (256, 128)])
def test_weight_sharing_the_notes_one_bias_count_beside_pytorchs_two(cell, name, inputs, hidden):
    net = cell(inputs, hidden)
    assert pytorch_count(inputs, hidden, name) == parameter_count(net)
    # One bias vector instead of two: exactly one h (per gate block) fewer.
    assert notes_count(inputs, hidden, name) == parameter_count(net) - net.bias_hh_l0.numel()
    assert notes_count(inputs, hidden) == hidden * (hidden + inputs + 1)


def test_lstm_cell_written_out_equals_nn_lstm():
    torch.manual_seed(0)
    lstm = nn.LSTM(3, 7, batch_first=True)
    readable = ReadableLSTM.from_torch(lstm)
    x = torch.randn(4, 11, 3)
    expected, (h, c) = lstm(x)
    got, (h2, c2) = readable(x)
    torch.testing.assert_close(got, expected)
    torch.testing.assert_close(h2, h)
    torch.testing.assert_close(c2, c)


def test_lstm_cell_with_the_gates_swapped_differs():
    """The gate order matters: copying i and f the wrong way round gives another LSTM."""
    torch.manual_seed(0)
    lstm = nn.LSTM(3, 7, batch_first=True)
    readable = ReadableLSTM.from_torch(lstm)
    with torch.no_grad():
        w = readable.cell.input_weights.weight
        w.copy_(torch.cat([w[7:14], w[:7], w[14:]]))
    x = torch.randn(4, 11, 3)
    assert not torch.allclose(readable(x)[0], lstm(x)[0])


def test_attention_split_with_the_notes_numbers():
    assert head_dim(256, 8) == 32
    assert nn.MultiheadAttention(256, 8).head_dim == 32  # PyTorch splits the same way
    x = torch.randn(2, 10, 256)
    heads = split_heads(x, 8)
    assert heads.shape == (2, 8, 10, 32)
    torch.testing.assert_close(heads[:, 3], x[..., 96:128])  # head 3 owns dims 96..127
    torch.testing.assert_close(merge_heads(heads), x)


def test_attention_split_heads_that_do_not_divide_are_explained():
    with pytest.raises(ValueError, match="7 heads do not divide 256 dimensions.*8"):
        head_dim(256, 7)


def test_elmo_each_direction_reads_only_its_side():
    torch.manual_seed(0)
    model = BidirectionalLM(vocab_size=12, embedding_dim=8, hidden_size=16)
    tokens = torch.randint(0, 12, (1, 10))
    changed = tokens.clone()
    changed[0, 5] = (tokens[0, 5] + 1) % 12
    with torch.no_grad():
        forward, backward = model.directions(tokens)
        forward2, backward2 = model.directions(changed)
        both = model(tokens)
    assert both.shape == (1, 10, 32)  # the two states concatenated
    torch.testing.assert_close(both, torch.cat([forward, backward], dim=-1))
    torch.testing.assert_close(forward2[:, :5], forward[:, :5])  # before 5: unseen forward
    torch.testing.assert_close(backward2[:, 6:], backward[:, 6:])  # after 5: unseen backward
    assert not torch.allclose(forward2[:, 5:], forward[:, 5:])
    assert not torch.allclose(backward2[:, :6], backward[:, :6])


@pytest.mark.slow
def test_elmo_trained_briefly_on_the_bundled_corpus_learns():
    _, losses = train_briefly(default_corpus(), steps=60)
    start, end = losses[0], sum(losses[-10:]) / 10
    assert end < start - 1.0, f"bpc went from {start:.2f} to {end:.2f}"
