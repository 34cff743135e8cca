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


def test_korean_particles_fit_the_inserted_words():
    """Korean texts write a particle after an inserted word in its paired form
    ({x}을(를)); the project's messages pick the one form that fits the word."""
    from {{ cookiecutter.package_name }}.cli import option_names
    from {{ cookiecutter.package_name }}.errors import ConfigError, ko
    from {{ cookiecutter.package_name }}.options import check_option_names

    assert ko("{n}을(를) 보세요", n=30) == "30을 보세요"  # 삼십
    assert ko("{n}을(를) 보세요", n=2) == "2를 보세요"  # 이
    assert ko("{flag}(으)로 쓰세요", flag="--model.net.hidden_size") == (
        "--model.net.hidden_size로 쓰세요"
    )
    with pytest.raises(ConfigError) as moved:
        check_option_names(["--model.hidden_size", "3"], option_names())
    assert "hidden_size는 이제" in moved.value.ko and "hidden_size로 쓰세요" in moved.value.ko
    assert not any(pair in moved.value.ko for pair in ("은(는)", "(으)로"))
