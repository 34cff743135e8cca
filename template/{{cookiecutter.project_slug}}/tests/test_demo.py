"""The browser demo (demo.py): its input parsing, its errors without a traceback, and a
page for each task. The page in a real browser is tested by the template's own suite."""

from __future__ import annotations

import sys

import pytest

from {{ cookiecutter.package_name }}.cli import main
from {{ cookiecutter.package_name }}.demo_tabs import (
    parse_adding,
    predict_adding,
    predict_digit,
    write_text,
)

from .conftest import configs, in_language


def test_a_typed_adding_sequence_becomes_the_input_and_its_truth():
    x, truth = parse_adding("0.5, -0.25, 0.3", "0, 2")
    assert x.shape == (1, 3, 2)
    assert x[0, :, 1].tolist() == [1.0, 0.0, 1.0]  # the markers
    assert truth == pytest.approx(0.8)


@pytest.mark.parametrize(
    "values,marked,words",
    [
        ("0.5, x", "0, 1", "numbers only"),
        ("0.5, 2", "0, 1", "between -1 and 1"),
        ("0.5, 0.1", "0, 0", "two different positions between 0 and 1"),
        ("0.5, 0.1", "0, 5", "two different positions"),
    ],
)
def test_a_malformed_adding_sequence_is_explained(values, marked, words):
    with pytest.raises(ValueError, match=words):
        parse_adding(values, marked)


def test_a_wrong_checkpoint_path_is_one_sentence_and_exit_2(capsys):
    assert main(["demo", "--ckpt_path", "missing.ckpt"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: --ckpt_path missing.ckpt") and "Traceback" not in err


def test_a_file_that_is_not_a_checkpoint_is_one_sentence(tmp_path, capsys):
    bad = tmp_path / "notes.ckpt"
    bad.write_text("not a checkpoint")
    assert main(["demo", "--ckpt_path", str(bad)]) == 2
    words = in_language("is not a checkpoint of this project", "프로젝트의 체크포인트가 아니에요")
    assert words in capsys.readouterr().err


def test_without_gradio_the_demo_says_how_to_install_it(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "gradio", None)  # import gradio now fails
    assert main(["demo", "--ckpt_path", "any.ckpt"]) == 2
    assert ".[demo]" in capsys.readouterr().err


@pytest.mark.slow  # imports Gradio and builds three small models
@pytest.mark.parametrize("task", ["adding", "classify", "lm"])
def test_each_task_gets_its_page(run_cli, task):
    pytest.importorskip("gradio")
    from {{ cookiecutter.package_name }}.demo import build_app

    cli, _ = run_cli("fit", *configs("lstm", task), "--trainer.fast_dev_run", "1")
    model, data = cli.model.eval(), cli.datamodule
    data.setup("fit")
    app = build_app(model, data)
    ids = {block.elem_id for block in app.blocks.values()}
    assert {"submit", "answer"} <= ids
    # What the page's button calls, and what the page then shows.
    if task == "adding":
        prediction, truth = predict_adding(model, "0.5, -0.25, 0.3", "0, 2")
        assert truth == "0.800" and -3 < float(prediction) < 3
    elif task == "classify":
        image, digit, label = predict_digit(model, data, 0)
        assert image.shape == (128, 128) and digit in "0123456789" and label.isdigit()
        with pytest.raises(ValueError, match="between 0 and"):
            predict_digit(model, data, 10_000)
    else:
        text = write_text(model, data, "The ", 30, 0.8)
        assert text.startswith("The ") and len(text) == 34
        with pytest.raises(ValueError, match="never uses"):
            write_text(model, data, "\u2603", 5, 0.8)
