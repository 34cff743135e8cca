"""Data versioning: each run's run.json says which data (a hash) and which commit."""

from __future__ import annotations

import json

from {{ cookiecutter.package_name }}.data import AddingDataModule, TextDataModule
from {{ cookiecutter.package_name }}.versioning import data_version

from .conftest import configs


def adding(**sizes) -> dict:
    data = AddingDataModule(
        seq_len=10, **{"train_size": 64, "val_size": 16, "test_size": 16, **sizes}
    )
    data.setup("fit")
    return data_version(data)


def test_the_same_data_gives_the_same_hash_and_other_data_another():
    first = adding()
    assert adding() == first
    assert adding(seed=1)["sha256"] != first["sha256"]
    bigger = adding(train_size=128)
    assert bigger["splits"]["train"]["sha256"] != first["splits"]["train"]["sha256"]
    assert bigger["splits"]["val"] == first["splits"]["val"]  # val drawn from its own seed


def test_the_two_corpora_have_different_hashes():
    en = data_version(TextDataModule(seq_len=32))
    ko = data_version(TextDataModule(seq_len=32, corpus="ko", prompt="옛날에 "))
    assert en["sha256"] != ko["sha256"]


def test_a_run_records_its_data_hash_and_commit(run_cli, tmp_path):
    cli, _ = run_cli(
        "fit", *configs("lstm", "adding"),
        "--trainer.max_epochs", "1", "--trainer.limit_train_batches", "2",
        "--trainer.limit_val_batches", "1",
        "--data.train_size", "64", "--data.val_size", "16", "--data.test_size", "16",
    )  # fmt: skip
    (record_file,) = tmp_path.glob("logs/*/version_0/run.json")
    record = json.loads(record_file.read_text(encoding="utf-8"))
    assert "commit" in record  # None outside a git repository, as here
    assert record["data"]["sha256"] == data_version(cli.datamodule)["sha256"]
    assert record["data"]["splits"]["train"]["size"] == 64
