"""The command line: overrides, linked sizes, predictions, and clear errors."""

from __future__ import annotations

import tomllib

import pytest

from .conftest import CONFIGS, ROOT


def test_override_reaches_the_network(run_cli):
    cli, _ = run_cli(
        "fit", "--config", str(CONFIGS / "lstm-adding.yaml"), "--trainer.fast_dev_run", "1",
        "--model.hidden_size", "24", "--model.num_layers", "2",
    )  # fmt: skip
    assert cli.model.hparams.hidden_size == 24
    assert cli.model.net.rnn.hidden_size == 24 and cli.model.net.rnn.num_layers == 2


def test_sizes_are_linked_from_the_data(run_cli):
    cli, _ = run_cli(
        "fit", "--config", str(CONFIGS / "gru-classify.yaml"), "--trainer.fast_dev_run", "1"
    )
    assert (cli.model.hparams.input_size, cli.model.hparams.output_size) == (8, 10)


@pytest.mark.parametrize(
    "config,arch,network",
    [("lstm-classify", "conv1d", "ConvNet"), ("lstm-lm", "conv1d", "ConvNet"),
     ("gru-adding", "transformer", "TransformerNet")],
)  # fmt: skip
def test_changing_arch_in_a_config_switches_the_network(run_cli, config, arch, network):
    cli, _ = run_cli(
        "fit", "--config", str(CONFIGS / f"{config}.yaml"), "--model.arch", arch,
        "--trainer.fast_dev_run", "1",
    )  # fmt: skip
    net = cli.model.net.body if hasattr(cli.model.net, "body") else cli.model.net
    assert type(net).__name__ == network


def test_predict_continues_the_prompt(run_cli):
    _, printed = run_cli(
        "predict", "--config", str(CONFIGS / "gru-lm.yaml"), "--model.sample_length", "12"
    )
    line = next(line for line in printed.splitlines() if line.startswith("The "))
    assert len(line) >= len("The ") + 1


def test_a_bad_choice_exits_with_a_message(run_cli, capsys):
    with pytest.raises(SystemExit) as exit_info:
        run_cli("fit", "--config", str(CONFIGS / "lstm-adding.yaml"), "--model.arch", "mamba")
    assert exit_info.value.code != 0
    assert "mamba" in capsys.readouterr().err


def test_console_script_points_at_the_cli():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    scripts = project["project"]["scripts"]
    slug = {{ cookiecutter.project_slug | py_str }}
    package = {{ cookiecutter.package_name | py_str }}
    assert scripts == {slug: f"{package}.cli:main"}
