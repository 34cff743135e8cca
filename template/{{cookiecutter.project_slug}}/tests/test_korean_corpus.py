"""`corpus: ko`: the language model's Korean corpus, chosen by config."""

from __future__ import annotations

import pytest

from {{ cookiecutter.package_name }}.data import TextDataModule

from .conftest import configs


def hangul(text: str) -> set[str]:
    return {ch for ch in text if "\uac00" <= ch <= "\ud7a3"}


def test_the_korean_corpus_gives_a_hangul_vocabulary():
    data = TextDataModule(corpus="ko", prompt="옛날에 ", seq_len=32)
    assert len(hangul(data.vocab)) > 200
    assert not any("a" <= ch.lower() <= "z" for ch in data.vocab)  # Korean, not English
    assert data.decode(data.encode("방앗간")) == "방앗간"
    assert not hangul(TextDataModule(seq_len=32).vocab)  # en stays the default


def test_an_english_prompt_on_the_korean_corpus_says_what_to_change():
    with pytest.raises(ValueError, match="characters the corpus never uses.*prompt"):
        TextDataModule(corpus="ko", prompt="The ")


def test_the_korean_config_selects_the_corpus(run_cli):
    cli, _ = run_cli(
        "fit",
        *configs("lstm", "lm", "data/text-ko"),
        "--trainer.fast_dev_run", "true",
    )  # fmt: skip
    assert len(hangul(cli.datamodule.vocab)) > 200
    assert cli.model.hparams.input_size == len(cli.datamodule.vocab)
