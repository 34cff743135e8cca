"""The data modules: what the model sees, and the baseline it must beat."""

from __future__ import annotations

import math

import pytest
import torch

from {{ cookiecutter.package_name }}.data import (
    AddingDataModule,
    CsvSequenceDataModule,
    DigitsDataModule,
    TextDataModule,
    adding_problem,
)


def test_adding_problem_marks_one_value_in_each_half_and_sums_them():
    x, y = adding_problem(500, 20, torch.Generator().manual_seed(1))
    assert x.shape == (500, 20, 2) and y.shape == (500,)
    values, markers = x[..., 0], x[..., 1]
    assert values.min() >= -1 and values.max() <= 1
    assert torch.equal(markers[:, :10].sum(1), torch.ones(500))
    assert torch.equal(markers[:, 10:].sum(1), torch.ones(500))
    assert torch.allclose((values * markers).sum(1), y)


def test_adding_baseline_is_the_variance_of_the_target():
    data = AddingDataModule(seq_len=10, train_size=20_000)
    data.setup("fit")
    targets = data.train_set.tensors[1]
    assert data.baseline_loss == pytest.approx(2 / 3)
    # The mean squared error of predicting 0 on real samples agrees with the formula.
    assert float((targets**2).mean()) == pytest.approx(2 / 3, abs=0.03)


def test_adding_is_reproducible_from_its_seed():
    a, b = AddingDataModule(seq_len=8, seed=3), AddingDataModule(seq_len=8, seed=3)
    a.setup("fit"), b.setup("fit")
    assert torch.equal(a.val_set.tensors[0], b.val_set.tensors[0])


def test_digits_are_read_row_by_row_without_download():
    data = DigitsDataModule()
    x, y = next(iter(data.train_dataloader()))
    assert x.shape[1:] == (8, 8) and x.max() <= 1.0
    assert (data.input_size, data.output_size) == (8, 10)
    sizes = [len(s) for s in (data.train_set, data.val_set, data.test_set)]
    assert sum(sizes) == 1797
    assert data.baseline_loss == pytest.approx(math.log(10), abs=0.05)


def write_csv(path, rows):
    path.write_text("sequence_id,label,a,b\n" + "\n".join(",".join(map(str, r)) for r in rows))


def test_csv_sequences_are_padded_and_carry_their_length(tmp_path):
    rows = []
    for i in range(10):
        label = "up" if i % 2 else "down"
        rows += [(f"s{i}", label, t, -t) for t in range(2 + i % 3)]
    write_csv(tmp_path / "seq.csv", rows)
    data = CsvSequenceDataModule(str(tmp_path / "seq.csv"))
    assert (data.input_size, data.output_size) == (2, 2) and data.classes == ["down", "up"]
    x, y, lengths = data.train_set[:]
    assert x.shape[1:] == (4, 2)
    for seq, length in zip(x, lengths, strict=True):
        assert torch.equal(seq[length:], torch.zeros(4 - int(length), 2))


def test_csv_errors_name_the_problem(tmp_path):
    (tmp_path / "bad.csv").write_text("id,label,a\n1,x,2\n")
    with pytest.raises(ValueError, match="needs sequence_id and label"):
        CsvSequenceDataModule(str(tmp_path / "bad.csv"))
    with pytest.raises(FileNotFoundError, match="data.init_args.path"):
        CsvSequenceDataModule(str(tmp_path / "missing.csv"))


def test_text_vocabulary_round_trips_and_targets_are_the_next_character():
    data = TextDataModule(seq_len=16)
    x, y = data.train_set[0]
    assert data.decode(x)[1:] == data.decode(y)[:-1]
    assert data.decode(data.encode("The river")) == "The river"
    assert data.input_size == data.output_size == len(data.vocab)
    # A unigram model beats uniform guessing, but not by much.
    assert 2.0 < data.baseline_loss < math.log2(len(data.vocab))


def test_text_refuses_a_prompt_with_unknown_characters():
    with pytest.raises(ValueError, match="never uses"):
        TextDataModule(prompt="\u2603 snowman")


def test_adding_val_and_test_do_not_change_with_train_size():
    small, large = AddingDataModule(seq_len=8, train_size=50), AddingDataModule(seq_len=8)
    small.setup("fit"), large.setup("fit")
    for split in ("val_set", "test_set"):
        assert torch.equal(getattr(small, split).tensors[0], getattr(large, split).tensors[0])
    assert not torch.equal(small.val_set.tensors[0], small.test_set.tensors[0])
