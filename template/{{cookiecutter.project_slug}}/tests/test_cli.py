"""The command line: overrides, linked sizes, switching networks, predictions, and clear
errors."""

from __future__ import annotations

import os
import tomllib

import pytest

from {{ cookiecutter.package_name }}.cli import main

from .conftest import CONFIGS, QUIET, ROOT, configs, in_language


def test_override_reaches_the_network(run_cli):
    cli, _ = run_cli(
        "fit", *configs("lstm", "adding"), "--trainer.fast_dev_run", "1",
        "--model.net.hidden_size", "24", "--model.net.init_args.num_layers", "2",
        "--model.net.arch", "gru",
    )  # fmt: skip
    assert cli.model.hparams.net["init_args"]["hidden_size"] == 24  # saved with the checkpoint
    rnn = cli.model.net.rnn
    assert (type(rnn).__name__, rnn.hidden_size, rnn.num_layers) == ("GRU", 24, 2)


def test_module_options_stay_on_the_module(run_cli):
    cli, _ = run_cli(
        "fit", *configs("gru", "lm"), "--trainer.fast_dev_run", "1",
        "--model.lr", "0.01", "--model.embedding_dim", "12", "--model.sample_length", "7",
    )  # fmt: skip
    assert cli.model.hparams.lr == 0.01 and cli.model.sample_length == 7
    assert cli.model.net.embedding.embedding_dim == 12 and cli.model.net.body.input_size == 12


def test_sizes_are_linked_from_the_data(run_cli):
    cli, _ = run_cli("fit", *configs("gru", "classify"), "--trainer.fast_dev_run", "1")
    assert (cli.model.hparams.input_size, cli.model.hparams.output_size) == (8, 10)


@pytest.mark.parametrize(
    "switch,network",
    [(["--model.net", "{{ cookiecutter.package_name }}.models.ConvNet"], "ConvNet"),
     (["--config", str(CONFIGS / "model" / "transformer.yaml")], "TransformerNet")],
)  # fmt: skip
def test_switching_the_network_of_a_language_model(run_cli, switch, network):
    """The README's test below switches the default's; a language model's network sits
    behind its embedding and must become causal."""
    cli, _ = run_cli("fit", *configs("lstm", "lm"), *switch, "--trainer.fast_dev_run", "1")
    assert type(cli.model).__name__ == "LanguageModelModule"  # the task's module stays
    assert type(cli.model.net.body).__name__ == network and cli.model.net.body.causal


def test_the_readmes_network_switches_work(run_cli, tmp_path):
    """README: the default config with another network, by class name and by its file."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    switches = [line.split()[3:] for line in readme.splitlines()
                if line.startswith("python -m") and "configs/default.yaml" in line
                and ("--model.net " in line or "configs/model/" in line)]  # fmt: skip
    assert len(switches) == 2, switches
    os.symlink(CONFIGS, tmp_path / "configs")  # the README's paths are relative
    built = []
    for args in switches:
        cli, _ = run_cli(*args, "--trainer.fast_dev_run", "1")
        built.append(getattr(cli.model.net, "body", cli.model.net))
    assert [type(net).__name__ for net in built] == ["ConvNet", "TransformerNet"]
    # By its file: configs/model/conv1d.yaml's options, none of the recurrent default's.
    conv = built[0]
    assert (conv.readout, len(conv.blocks), type(conv.blocks[0]["act"]).__name__) in (
        ("max", 2, "ReLU"),
        ("all", 2, "ReLU"),  # a language-model bake: one output per character
    )


def test_predict_continues_the_prompt(run_cli):
    _, printed = run_cli("predict", *configs("gru", "lm"), "--model.sample_length", "12")
    line = next(line for line in printed.splitlines() if line.startswith("The "))
    assert len(line) >= len("The ") + 1


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    """main() in a temporary folder, with pytest's own arguments out of sys.argv."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.argv", [{{ cookiecutter.package_name | py_str }}])
    return tmp_path


@pytest.mark.parametrize("option", ["hidden_size", "num_layers", "arch", "nhead", "readout"])
def test_a_network_option_on_the_module_says_where_it_went(in_tmp, capsys, option):
    """The layout before networks had configs of their own: --model.hidden_size."""
    assert main(["fit", *configs("lstm", "adding"), f"--model.{option}", "32", *QUIET]) == 2
    err = capsys.readouterr().err
    first = err.splitlines()[0]
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"--model.{option}" in first and f"--model.net.{option}" in first
    assert in_language("is an option of the network", "네트워크의 옵션이에요") in first


@pytest.mark.parametrize(
    "typo,right",
    [("--model.net.hiden_size", "--model.net.hidden_size"),
     ("--model.net.init_args.hiden_size", "--model.net.hidden_size"),
     ("--model.net.num_layer", "--model.net.num_layers"),
     ("--model.ler", "--model.lr"),
     ("--data.batch_sise", "--data.batch_size")],
)  # fmt: skip
def test_a_misspelt_option_suggests_the_right_one_first(in_tmp, capsys, typo, right):
    assert main(["fit", *configs("lstm", "adding"), typo, "32"]) == 2
    first = capsys.readouterr().err.splitlines()[0]
    assert typo.rpartition(".")[2] in first and right in first
    assert in_language("did you mean", "쓰려던 건가요") in first


LEAVE_OUT = in_language("leave readout out", "readout을 빼세요")


@pytest.mark.parametrize(
    "model,task,args,words",
    [("conv1d", "classify", ["--model.net.bidirectional", "true"], ["bidirectional", "ConvNet"]),
     ("transformer", "lm", ["--model.net.readout", "mean"], ["readout: mean", LEAVE_OUT]),
     ("gru", "lm", ["--model.net.readout", "last"], ["readout: last", LEAVE_OUT]),
     ("lstm", "lm", ["--model.net.bidirectional", "true"], ["bidirectional: false"])],
)  # fmt: skip
def test_an_option_the_network_cannot_use_is_an_error_not_ignored(
    in_tmp, capsys, model, task, args, words
):
    with pytest.raises(SystemExit) as exit_info:
        code = main(["fit", *configs(model, task), *args, "--trainer.fast_dev_run", "1", *QUIET])
        raise SystemExit(code)  # a ConfigError from the network returns 2; the parser exits 2
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1, err[:600]
    assert all(word in err for word in words), err
    assert not list(in_tmp.rglob("*.ckpt"))


def test_console_script_points_at_the_cli():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    scripts = project["project"]["scripts"]
    slug = {{ cookiecutter.project_slug | py_str }}
    package = {{ cookiecutter.package_name | py_str }}
    assert scripts == {slug: f"{package}.cli:main"}
