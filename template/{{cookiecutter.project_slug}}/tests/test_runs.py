"""Runs and the command line: a folder per run, `--ckpt_path last`, exit codes, and config
mistakes that end in one sentence. The two tests in a fresh process are marked slow."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from {{ cookiecutter.package_name }}.cli import main

from .conftest import CONFIGS, QUIET, ROOT

PACKAGE = {{ cookiecutter.package_name | py_str }}
DEFAULT = str(CONFIGS / "default.yaml")


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
        "fit", "--config", str(CONFIGS / "transformer-adding.yaml"), "--model.hidden_size", "30",
        "--trainer.fast_dev_run", "1", cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    (line,) = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert "hidden_size=30" in line and "nhead=4" in line


@pytest.mark.parametrize(
    "args,words",
    [
        (["--config", str(CONFIGS / "lstm-lm.yaml"), "--model.bidirectional", "true"],
         ["bidirectional"]),
        (["--config", str(CONFIGS / "conv1d-adding.yaml"), "--model.num_layers", "8",
          "--data.seq_len", "20"], ["Conv1D", "num_layers"]),
    ],
)  # fmt: skip
def test_config_mistakes_end_in_their_sentence(in_tmp, capsys, args, words):
    assert main(["fit", *args, "--trainer.fast_dev_run", "1", *QUIET]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1 and "Traceback" not in err
    assert all(word in err for word in words)


@pytest.mark.parametrize("typo", ["--model.hiden_size", "--model.init_args.hiden_size"])
def test_a_misspelt_option_suggests_the_right_one_first(in_tmp, capsys, typo):
    assert main(["fit", "--config", DEFAULT, typo, "32"]) == 2
    first = capsys.readouterr().err.splitlines()[0]
    assert "hiden_size" in first and "--model.hidden_size" in first


@pytest.mark.parametrize("subcommand", ["test", "predict", "fit"])
def test_last_without_a_checkpoint_is_an_error(in_tmp, capsys, subcommand):
    assert main([subcommand, "--config", DEFAULT, "--ckpt_path", "last", *QUIET]) == 2
    assert "no checkpoint yet" in capsys.readouterr().err


def test_a_debug_run_writes_no_checkpoint(run_cli, tmp_path):
    run_cli("fit", "--config", DEFAULT, "--trainer.fast_dev_run", "2")
    assert list(tmp_path.rglob("*.ckpt")) == []


def test_each_config_gets_its_own_run_folders(run_cli, tmp_path):
    tiny = ["--trainer.max_epochs", "1", "--trainer.limit_train_batches", "1",
            "--trainer.limit_val_batches", "1"]  # fmt: skip
    run_cli("fit", "--config", DEFAULT, *tiny)
    run_cli("fit", "--config", DEFAULT, *tiny)
    run_cli("fit", "--config", str(CONFIGS / "gru-adding.yaml"), *tiny)
    runs = sorted(p.relative_to(tmp_path / "logs").as_posix() for p in
                  (tmp_path / "logs").glob("*/version_*"))  # fmt: skip
    assert runs == ["default/version_0", "default/version_1", "gru-adding/version_0"]
    for name in ("config.yaml", "metrics.csv", "run.json", "checkpoints/last.ckpt"):
        assert (tmp_path / "logs" / "default" / "version_1" / name).is_file(), name


def test_the_readmes_lm_commands_work(run_cli, tmp_path):
    """README: fit configs/lstm-lm.yaml, then predict with --ckpt_path last (shortened)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = [line.split()[3:] for line in readme.splitlines() if "configs/lstm-lm.yaml" in line]
    fit = next(args for args in lines if args[0] == "fit")
    predict = next(args for args in lines if args[0] == "predict")
    tiny = ["--trainer.max_epochs", "1", "--trainer.limit_train_batches", "2",
            "--trainer.limit_val_batches", "1"]  # fmt: skip
    os.symlink(CONFIGS, tmp_path / "configs")  # the README's paths are relative
    run_cli(*fit, *tiny)
    _, printed = run_cli(*predict, "--model.sample_length", "5")
    assert any(line.startswith("The ") for line in printed.splitlines())
