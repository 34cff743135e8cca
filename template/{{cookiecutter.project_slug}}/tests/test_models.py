"""The networks alone: output shapes, parameter counts against the textbook formulas,
and error messages that say how to fix a shape mistake. No training, a few seconds."""

from __future__ import annotations

import importlib
from functools import partial

import pytest
import torch
import yaml
from torch import nn

from {{ cookiecutter.package_name }}.errors import ConfigError
from {{ cookiecutter.package_name }}.models import (
    ConvNet,
    Embedded,
    RecurrentNet,
    Swish,
    TransformerNet,
    make_activation,
    sinusoidal_positions,
)

from .conftest import CONFIGS, MODELS

GATES = {"rnn": 1, "gru": 3, "lstm": 4}


def network(arch: str, input_size: int, output_size: int | None, sequence_output=False, **options):
    """The network configs/model/<arch>.yaml names (its class, and its cell for a recurrent
    one), built as the LightningModule builds it, with ``options`` for the rest."""
    text = (CONFIGS / "model" / f"{arch}.yaml").read_text(encoding="utf-8")
    net = yaml.safe_load(text)["model"]["init_args"]["net"]
    where, _, name = net["class_path"].rpartition(".")
    cls = getattr(importlib.import_module(where), name)
    if "arch" in net["init_args"]:
        options = {"arch": net["init_args"]["arch"], **options}
    return cls(input_size, output_size, sequence_output, **options)


def textbook_count(cell: str, inputs: int, hidden: int, layers: int, bidirectional: bool) -> int:
    """Per layer and direction: gates × (h(h + i) + 2h); a layer after a bidirectional one
    reads 2h features."""
    directions = 2 if bidirectional else 1
    total = 0
    for layer in range(layers):
        i = inputs if layer == 0 else hidden * directions
        total += directions * GATES[cell] * (hidden * (hidden + i) + 2 * hidden)
    return total


@pytest.mark.parametrize("cell", sorted(GATES))
@pytest.mark.parametrize("layers", [1, 2])
@pytest.mark.parametrize("bidirectional", [False, True])
def test_recurrent_parameter_count_matches_the_formula(cell, layers, bidirectional):
    net = RecurrentNet(
        10, None, arch=cell, hidden_size=20, num_layers=layers, bidirectional=bidirectional
    )
    counted = sum(p.numel() for p in net.rnn.parameters())
    assert counted == textbook_count(cell, 10, 20, layers, bidirectional)


def test_textbook_numbers_for_a_single_layer():
    # RNN: 20·(20 + 10) + 2·20 = 640; LSTM four times that; GRU three times.
    assert textbook_count("rnn", 10, 20, 1, False) == 640
    assert textbook_count("lstm", 10, 20, 1, False) == 2560
    assert textbook_count("gru", 10, 20, 1, False) == 1920
    assert textbook_count("lstm", 10, 20, 1, True) == 5120


@pytest.mark.parametrize("cell,states", [("lstm", 2), ("gru", 1), ("rnn", 1)])
def test_learnable_initial_state_adds_one_vector_per_layer_and_direction(cell, states):
    plain = RecurrentNet(3, 1, arch=cell, hidden_size=8, num_layers=2, bidirectional=True)
    learnt = RecurrentNet(
        3, 1, arch=cell, hidden_size=8, num_layers=2, bidirectional=True, learn_init=True
    )
    extra = sum(p.numel() for p in learnt.parameters()) - sum(p.numel() for p in plain.parameters())
    assert extra == states * 2 * 2 * 8
    learnt(torch.randn(4, 5, 3)).sum().backward()
    assert learnt.init_state[0].grad is not None


@pytest.mark.parametrize("arch", MODELS)
@pytest.mark.parametrize("readout", ["last", "mean", "max"])
def test_sequence_to_one_shapes(arch, readout):
    net = network(arch, 6, 3, hidden_size=16, num_layers=2, readout=readout)
    assert net(torch.randn(4, 12, 6)).shape == (4, 3)


@pytest.mark.parametrize("arch", MODELS)
def test_language_model_shapes_from_token_ids(arch):
    net = Embedded(30, 8, network(arch, 8, 30, sequence_output=True, hidden_size=16))
    tokens = torch.randint(0, 30, (2, 10))
    assert net(tokens).shape == (2, 10, 30)


@pytest.mark.parametrize("arch", MODELS)
def test_language_models_do_not_look_ahead(arch):
    torch.manual_seed(0)
    net = network(arch, 4, 5, sequence_output=True, hidden_size=16).eval()
    x = torch.randn(1, 9, 4)
    changed = x.clone()
    changed[:, 6:] = torch.randn(1, 3, 4)  # change only the future of step 5
    assert torch.allclose(net(x)[:, :6], net(changed)[:, :6], atol=1e-5)
    assert not torch.allclose(net(x)[:, 6:], net(changed)[:, 6:])


def test_bidirectional_last_state_concatenates_both_directions():
    net = RecurrentNet(3, None, arch="gru", hidden_size=7, bidirectional=True)
    x = torch.randn(2, 5, 3)
    features = net(x)
    assert features.shape == (2, 14)
    states, _ = net.rnn(x)
    assert torch.allclose(features[:, :7], states[:, -1, :7])  # forward: after the last step
    assert torch.allclose(features[:, 7:], states[:, 0, 7:])  # backward: after the first


@pytest.mark.parametrize("readout", ["last", "mean", "max"])
@pytest.mark.parametrize("bidirectional", [False, True])
def test_padding_does_not_change_the_result(readout, bidirectional):
    torch.manual_seed(0)
    net = RecurrentNet(
        3, 2, arch="lstm", hidden_size=8, bidirectional=bidirectional, readout=readout
    ).eval()
    short = torch.randn(1, 4, 3)
    padded = torch.cat([short, torch.full((1, 3, 3), 9.0)], dim=1)
    alone = net(short)
    in_batch = net(padded, lengths=torch.tensor([4]))
    assert torch.allclose(alone, in_batch, atol=1e-5)


def test_transformer_padding_mask_ignores_padded_steps():
    torch.manual_seed(0)
    net = TransformerNet(3, 2, hidden_size=16, nhead=4, dropout=0.0).eval()
    short = torch.randn(1, 4, 3)
    padded = torch.cat([short, torch.full((1, 2, 3), 5.0)], dim=1)
    assert torch.allclose(net(short), net(padded, lengths=torch.tensor([4])), atol=1e-5)


def test_conv_max_pooling_shrinks_time():
    net = ConvNet(2, None, hidden_size=8, num_layers=3, kernel_size=3, padding=1, pool_size=2)
    assert net.steps_after(32) == [16, 8, 4]
    net.readout = "all"
    assert net(torch.randn(5, 32, 2)).shape == (5, 4, 8)


def test_wrong_feature_count_says_what_arrived_and_how_to_fix_it():
    net = RecurrentNet(2, 1, arch="lstm")
    with pytest.raises(ValueError) as err:
        net(torch.randn(4, 10, 3))
    message = str(err.value)
    assert "(4, 10, 3)" in message and "(batch, time, 2)" in message
    assert "input_size: 3" in message


def test_stacking_after_a_last_state_layer_explains_readout():
    first = RecurrentNet(2, None, arch="gru", hidden_size=8, readout="last")
    second = RecurrentNet(8, 1, arch="gru", hidden_size=8)
    with pytest.raises(ValueError) as err:
        second(first(torch.randn(4, 10, 2)))
    message = str(err.value)
    assert "(4, 8)" in message and "(batch, time, 8)" in message and "readout: all" in message
    first.readout = "all"
    assert second(first(torch.randn(4, 10, 2))).shape == (4, 1)


def test_conv_that_runs_out_of_time_steps_names_the_options():
    net = ConvNet(8, 10, num_layers=4, pool_size=2)
    with pytest.raises(ValueError, match="num_layers, pool_size"):
        net(torch.randn(2, 8, 8))


def test_transformer_heads_must_divide_hidden_size():
    with pytest.raises(ValueError, match="hidden_size=30 across nhead=4"):
        TransformerNet(2, 1, hidden_size=30, nhead=4)


@pytest.mark.parametrize("arch", ["rnn", "lstm", "gru"])
def test_a_bidirectional_language_model_is_refused(arch):
    with pytest.raises(ConfigError, match="bidirectional: false"):
        network(arch, 4, 4, sequence_output=True, bidirectional=True)
    assert network(arch, 4, 4, bidirectional=True).directions == 2  # one output: fine


@pytest.mark.parametrize("arch", MODELS)
@pytest.mark.parametrize("readout", ["last", "mean", "max"])
def test_a_language_model_refuses_a_one_output_readout(arch, readout):
    with pytest.raises(ConfigError, match=f"readout: {readout}.*leave readout out"):
        network(arch, 4, 4, sequence_output=True, readout=readout)


@pytest.mark.parametrize(
    "arch,default", [("rnn", "last"), ("lstm", "last"), ("gru", "last"), ("conv1d", "max"),
                     ("transformer", "mean")],
)  # fmt: skip
def test_a_readout_left_out_is_the_networks_own_or_every_step(arch, default):
    assert network(arch, 4, 2).readout == default
    assert network(arch, 4, 2, sequence_output=True).readout == "all"


def test_a_convnet_pools_by_two_unless_it_models_language():
    assert ConvNet(4, 2).pool_size == 2
    assert ConvNet(4, 2, True).pool_size == 1
    with pytest.raises(ConfigError, match="pool_size=2"):
        ConvNet(4, 2, True, pool_size=2)


@pytest.mark.parametrize(
    "arch,option", [("lstm", "nhead"), ("lstm", "kernel_size"), ("conv1d", "bidirectional"),
                    ("transformer", "learn_init"), ("transformer", "arch")],
)  # fmt: skip
def test_an_option_the_network_does_not_take_is_an_error(arch, option):
    """Before networks had configs of their own, such an option was silently ignored."""
    with pytest.raises(TypeError, match=option):
        network(arch, 4, 2, **{option: 2})


@pytest.mark.parametrize("arch", MODELS)
def test_each_network_has_a_label_for_messages(arch):
    labels = {"rnn": "RNN", "lstm": "LSTM", "gru": "GRU", "conv1d": "Conv1D",
              "transformer": "Transformer"}  # fmt: skip
    assert network(arch, 2, 1).label == labels[arch]


def test_unknown_names_list_the_choices():
    with pytest.raises(ValueError, match="relu | tanh | gelu | swish"):
        make_activation("sigmoidish")
    with pytest.raises(ValueError, match="rnn | lstm"):
        RecurrentNet(2, 1, arch="mamba")


def test_swish_is_x_times_sigmoid_x():
    x = torch.linspace(-4, 4, 9)
    assert torch.allclose(Swish()(x), x * torch.sigmoid(x))
    assert torch.allclose(Swish()(x), nn.SiLU()(x))


def test_sinusoidal_positions():
    table = sinusoidal_positions(50, 16)
    assert table.shape == (50, 16)
    assert torch.allclose(table[0, 0::2], torch.zeros(8))  # sin(0)
    assert torch.allclose(table[0, 1::2], torch.ones(8))  # cos(0)
    assert table.abs().max() <= 1.0


@pytest.mark.parametrize("arch", MODELS)
@pytest.mark.parametrize("readout", ["last", "mean", "max"])
def test_every_network_ignores_padding_of_a_whole_sequence(arch, readout):
    torch.manual_seed(0)
    options = {"hidden_size": 8, "num_layers": 2, "readout": readout, "dropout": 0.0}
    net = network(arch, 3, 2, **options).eval()
    short = torch.randn(1, 9, 3)
    padded = torch.cat([short, torch.full((1, 5, 3), 7.0)], dim=1)
    alone = net(short, torch.tensor([9]))
    assert torch.allclose(alone, net(padded, torch.tensor([9])), atol=1e-5)
    batch = torch.cat([padded, torch.randn(1, 14, 3)])  # beside a longer sequence
    assert torch.allclose(alone[0], net(batch, torch.tensor([9, 14]))[0], atol=1e-5)


@pytest.mark.parametrize("arch", MODELS)
def test_every_language_model_ignores_padding_of_its_real_steps(arch):
    torch.manual_seed(0)
    net = network(arch, 3, 5, sequence_output=True, hidden_size=8, num_layers=2, dropout=0.0)
    net.eval()
    short = torch.randn(1, 6, 3)
    padded = torch.cat([short, torch.full((1, 4, 3), 7.0)], dim=1)
    real = net(padded, torch.tensor([6]))[:, :6]
    assert torch.allclose(net(short, torch.tensor([6])), real, atol=1e-5)


def test_relu_reaches_the_elman_recurrence():
    assert network("rnn", 2, 1, activation="relu").rnn.nonlinearity == "relu"
    assert network("rnn", 2, 1, activation="tanh").rnn.nonlinearity == "tanh"
    # nn.RNN knows only tanh and relu: gelu and swish change the head alone.
    assert network("rnn", 2, 1, activation="gelu").rnn.nonlinearity == "tanh"


def test_a_transformer_language_model_samples_within_its_trained_context():
    from {{ cookiecutter.package_name }}.module import LanguageModelModule

    model = LanguageModelModule(
        net=partial(TransformerNet, hidden_size=8), input_size=6, output_size=6
    )
    assert isinstance(model.net.body, TransformerNet) and model.network_name == "Transformer"
    seen = []
    forward = model.net.forward
    model.net.forward = lambda tokens, lengths=None: (
        seen.append(tokens.size(1)) or forward(tokens, lengths)
    )
    model.trained_steps.fill_(5)
    model.sample(torch.zeros(1, 3, dtype=torch.long), length=8)
    assert max(seen) == 5 and seen[:3] == [3, 4, 5]
    assert "trained_steps" in model.state_dict()  # restored with the checkpoint
