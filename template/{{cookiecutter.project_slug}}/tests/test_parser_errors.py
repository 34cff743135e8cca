"""A mistake under model.net ends in one sentence (parser_errors.py), not the parser's page."""

from __future__ import annotations

import pytest

from {{ cookiecutter.package_name }}.cli import main
from {{ cookiecutter.package_name }}.parser_errors import network_sentence

from .conftest import CONFIGS

DEFAULT = str(CONFIGS / "default.yaml")
RECURRENT = ["--config", str(CONFIGS / "data" / "adding.yaml"),
             "--config", str(CONFIGS / "model" / "lstm.yaml")]  # fmt: skip


@pytest.mark.parametrize(
    "args,words",
    [
        (["--model.net.nhead", "2"], ["nhead", "RecurrentNet", "hidden_size"]),
        (["--model.net.init_args.nhead", "2"], ["nhead", "RecurrentNet"]),
        (["--model.net.arch", "mamba"], ["mamba", "rnn | lstm | gru"]),
        (["--model.net.activation", "sigmoid"], ["sigmoid", "relu | tanh | gelu | swish"]),
        (["--model.net.readout", "sum"], ["sum", "last | mean | max"]),
        (["--model.net.hidden_size", "wide"], ["hidden_size", "int", "wide"]),
        (["--model.net", "{{ cookiecutter.package_name }}.models.Mamba"], ["Mamba", "TransformerNet"]),
    ],
)  # fmt: skip
def test_a_network_mistake_is_one_sentence(tmp_path, monkeypatch, capsys, args, words):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.argv", ["{{ cookiecutter.package_name }}"])  # not pytest's own
    with pytest.raises(SystemExit) as exit_info:
        main(["fit", *RECURRENT, *args, "--trainer.fast_dev_run", "1"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("error: model.net") and err.count("\n") == 1, err[:600]
    assert all(word in err for word in words), err


def test_other_parser_errors_keep_the_parsers_own_text():
    assert network_sentence("Parser key \"trainer\": Expected a <class 'int'>") is None
    assert network_sentence("Option 'x' is not accepted") is None
