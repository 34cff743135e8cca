"""Runs and the command line: a folder per run, `--ckpt_path last`, exit codes, and config
mistakes that end in one sentence. The two tests in a fresh process are marked slow."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from {{ cookiecutter.package_name }}.cli import main
from {{ cookiecutter.package_name }}.module import SequenceModule
from {{ cookiecutter.package_name }}.runs import run_name

from .conftest import CONFIGS, QUIET, ROOT, configs, in_language

PACKAGE = {{ cookiecutter.package_name | py_str }}
DEFAULT = str(CONFIGS / "default.yaml")
TINY = ["--trainer.max_epochs", "1", "--trainer.limit_train_batches", "1",
        "--trainer.limit_val_batches", "1"]  # fmt: skip


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    """main() in a temporary folder, with pytest's own arguments out of sys.argv."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.argv", [PACKAGE])
    return tmp_path


def cli_process(*args: str, cwd) -> subprocess.CompletedProcess[str]:
    """The console script's own code path (``sys.exit(main())``) in a fresh process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    code = f"import sys; from {PACKAGE}.cli import main; sys.exit(main())"
    return subprocess.run(
        [sys.executable, "-c", code, *args, *QUIET],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


@pytest.mark.slow  # a fresh process imports torch and Lightning: several seconds
def test_the_console_script_exits_0_after_a_run(tmp_path):
    done = cli_process("fit", "--config", DEFAULT, "--trainer.fast_dev_run", "1", cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "SequenceCLI object" not in done.stdout + done.stderr


@pytest.mark.slow
def test_a_config_mistake_is_one_sentence_and_exit_2(tmp_path):
    done = cli_process(
        "fit", *configs("transformer", "adding"), "--model.net.hidden_size", "30",
        "--trainer.fast_dev_run", "1", cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    (line,) = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert "hidden_size=30" in line and "nhead=4" in line


@pytest.mark.parametrize(
    "args,words",
    [
        ([*configs("lstm", "lm"), "--model.net.bidirectional", "true"], ["bidirectional"]),
        ([*configs("conv1d", "adding"), "--model.net.num_layers", "8", "--data.seq_len", "20"],
         ["Conv1D", "num_layers"]),
    ],
)  # fmt: skip
def test_config_mistakes_end_in_their_sentence(in_tmp, capsys, args, words):
    assert main(["fit", *args, "--trainer.fast_dev_run", "1", *QUIET]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1 and "Traceback" not in err
    assert all(word in err for word in words)


@pytest.mark.parametrize("typo", ["--model.net.hiden_size", "--model.net.init_args.hiden_size"])
def test_a_misspelt_option_suggests_the_right_one_first(in_tmp, capsys, typo):
    assert main(["fit", "--config", DEFAULT, typo, "32"]) == 2
    first = capsys.readouterr().err.splitlines()[0]
    assert "hiden_size" in first and "--model.net.hidden_size" in first
    assert in_language("did you mean", "쓰려던 건가요") in first


def test_an_option_of_the_old_layout_says_where_it_is_now(in_tmp, capsys):
    assert main(["fit", "--config", DEFAULT, "--model.hidden_size", "32"]) == 2
    err = capsys.readouterr().err
    first = err.splitlines()[0]
    assert "--model.hidden_size" in first and "--model.net.hidden_size" in first
    assert in_language("is an option of the network", "네트워크의 옵션이에요") in first


@pytest.mark.parametrize("subcommand", ["test", "predict", "fit"])
def test_last_without_a_checkpoint_is_an_error(in_tmp, capsys, subcommand):
    assert main([subcommand, "--config", DEFAULT, "--ckpt_path", "last", *QUIET]) == 2
    assert in_language("no checkpoint yet", "체크포인트가 아직 없어서") in capsys.readouterr().err


def test_a_debug_run_writes_no_checkpoint(run_cli, tmp_path):
    run_cli("fit", "--config", DEFAULT, "--trainer.fast_dev_run", "2")
    assert list(tmp_path.rglob("*.ckpt")) == []


@pytest.mark.parametrize(
    "files,name",
    [(["configs/data/adding.yaml", "configs/model/lstm.yaml"], "lstm-adding"),
     (["configs/model/gru.yaml", "configs/data/classify.yaml"], "gru-classify"),
     (["configs/data/lm.yaml", "configs/model/lstm.yaml", "configs/data/text-ko.yaml"],
      "lstm-lm-text-ko"),
     (["configs/data/adding.yaml", "configs/model/lstm.yaml", "configs/model/conv1d.yaml"],
      "lstm-conv1d-adding"),
     (["configs/trainer/tensorboard.yaml", "configs/data/lm.yaml", "configs/model/rnn.yaml",
       "configs/trainer/multinode.yaml"], "rnn-lm"),
     (["configs/default.yaml"], "default"),
     (["configs/trainer/tensorboard.yaml", "configs/default.yaml"], "default"),
     (["configs/default.yaml", "configs/model/transformer.yaml"], "transformer-default"),
     (["configs/default.yaml", "configs/data/text-ko.yaml"], "text-ko-default"),
     (["/elsewhere/my-experiment.yaml", "configs/trainer/multinode.yaml"], "my-experiment"),
     ([], "run"), (None, "run")],
)  # fmt: skip
def test_the_run_is_named_by_its_network_and_task(files, name):
    assert run_name(files) == name
    if files:
        assert run_name([Path(file) for file in files]) == name  # as the parser gives them


def test_each_config_gets_its_own_run_folders(run_cli, tmp_path):
    run_cli("fit", "--config", DEFAULT, *TINY)
    run_cli("fit", "--config", DEFAULT, *TINY)
    run_cli("fit", *configs("gru", "adding"), *TINY)
    runs = sorted(p.relative_to(tmp_path / "logs").as_posix() for p in
                  (tmp_path / "logs").glob("*/version_*"))  # fmt: skip
    assert runs == ["default/version_0", "default/version_1", "gru-adding/version_0"]
    for name in ("config.yaml", "metrics.csv", "run.json", "checkpoints/last.ckpt"):
        assert (tmp_path / "logs" / "default" / "version_1" / name).is_file(), name
        assert (tmp_path / "logs" / "gru-adding" / "version_0" / name).is_file(), name


def test_a_composed_runs_checkpoint_reloads_as_its_task_and_network(run_cli, tmp_path):
    """The demo and `--ckpt_path` load a checkpoint without the configs that made it."""
    trained, _ = run_cli("fit", *configs("conv1d", "lm"), *TINY, "--data.seq_len", "16")
    last = tmp_path / "logs" / "conv1d-lm" / "version_0" / "checkpoints" / "last.ckpt"
    model = SequenceModule.from_checkpoint(last)
    assert type(model) is type(trained.model) and type(model).__name__ == "LanguageModelModule"
    assert type(model.net.body) is type(trained.model.net.body)
    assert model.network_name == "Conv1D" and model.net.body.pool_size == 1
    saved, now = trained.model.state_dict(), model.state_dict()
    assert all(saved[name].equal(now[name]) for name in saved)  # the trained weights


def test_tensorboard_writes_into_the_runs_folder(run_cli, tmp_path):
    if importlib.util.find_spec("tensorboard") is None:
        pytest.fail(
            'configs/trainer/tensorboard.yaml needs TensorBoard: pip install -e ".[tensorboard]"'
        )
    run_cli("fit", *configs("lstm", "adding", "trainer/tensorboard"), *TINY)
    run = tmp_path / "logs" / "lstm-adding" / "version_0"
    assert list(run.glob("events.out.tfevents.*")), sorted(tmp_path.rglob("*"))
    for name in ("config.yaml", "run.json", "checkpoints/last.ckpt"):
        assert (run / name).is_file(), name
    assert not (tmp_path / "logs" / "lightning_logs").exists()
    # --ckpt_path last finds it and goes on in the same folder.
    resumed, _ = run_cli(
        "fit", *configs("lstm", "adding", "trainer/tensorboard"), *TINY,
        "--trainer.max_epochs", "2", "--ckpt_path", "last",
    )  # fmt: skip
    assert resumed.trainer.current_epoch == 2
    assert [p.name for p in run.parent.iterdir()] == ["version_0"]


def test_the_readmes_lm_commands_work(run_cli, tmp_path):
    """README: fit the LSTM on the lm task, then predict with --ckpt_path last (shortened)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = [line.split()[3:] for line in readme.splitlines()
             if line.startswith("python -m") and "configs/data/lm.yaml" in line
             and "configs/model/lstm.yaml" in line and "text-ko" not in line]  # fmt: skip
    fit = next(args for args in lines if args[0] == "fit")
    predict = next(args for args in lines if args[0] == "predict")
    tiny = ["--trainer.max_epochs", "1", "--trainer.limit_train_batches", "2",
            "--trainer.limit_val_batches", "1"]  # fmt: skip
    os.symlink(CONFIGS, tmp_path / "configs")  # the README's paths are relative
    run_cli(*fit, *tiny)
    _, printed = run_cli(*predict, "--model.sample_length", "5")
    assert any(line.startswith("The ") for line in printed.splitlines())
