"""``python -m {{ cookiecutter.package_name }} demo --ckpt_path FILE``: try a trained model in the browser.

A Gradio page (``pip install -e ".[demo]"``) for the task the checkpoint was trained on:
the adding problem (type values and two marked positions, see the prediction against
the truth), digits (pick a test image, see the predicted digit against its label) and
the language model (a prompt, sampled text). It runs offline: no analytics, no web
fonts, nothing but 127.0.0.1 unless you pass ``--host``.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import os
import sys
from pathlib import Path

from .errors import LANGUAGE, ConfigError, ko

TEXTS = {
    "en": {
        "title": "Try the trained model",
        "values": "Values between -1 and 1, separated by commas",
        "marked": "The two marked positions (0-based), e.g. 3, 17",
        "random": "Random example",
        "predict": "Predict",
        "prediction": "The model's prediction",
        "truth": "Truth (the sum of the two marked values)",
        "index": "Test image number",
        "image": "The image, read row by row",
        "digit": "Predicted digit",
        "label": "Its label",
        "prompt": "Prompt",
        "length": "Characters to write",
        "temperature": "Temperature (lower is more conservative)",
        "generate": "Write",
        "text": "The model's text",
    },
    "ko": {
        "title": "학습한 모델을 직접 써 보세요",
        "values": "-1과 1 사이의 값들 (쉼표로 구분)",
        "marked": "표시할 두 위치 (0부터 셈), 예: 3, 17",
        "random": "무작위 예시",
        "predict": "예측하기",
        "prediction": "모델의 예측",
        "truth": "정답 (표시한 두 값의 합)",
        "index": "테스트 이미지 번호",
        "image": "이미지 (한 행씩 읽어요)",
        "digit": "예측한 숫자",
        "label": "실제 레이블",
        "prompt": "시작 글",
        "length": "쓸 글자 수",
        "temperature": "온도 (낮을수록 보수적으로 써요)",
        "generate": "쓰기",
        "text": "모델이 쓴 글",
    },
}


def missing_gradio() -> ConfigError:
    return ConfigError(
        "the demo needs Gradio, an optional extra: install it with "
        '`pip install -e ".[demo]"` and run the demo again',
        '데모에는 선택 설치 항목인 Gradio가 필요해요. `pip install -e ".[demo]"`로 설치하고 '
        "데모를 다시 실행해 주세요",
    )


def gradio_installed() -> bool:
    if "gradio" in sys.modules:
        return sys.modules["gradio"] is not None
    return importlib.util.find_spec("gradio") is not None


def load_model(ckpt_path: str):
    """The LightningModule saved in ``ckpt_path`` (its class comes from the checkpoint)."""
    from .module import SequenceModule

    path = Path(ckpt_path)
    if not path.is_file():
        raise ConfigError(
            f"--ckpt_path {ckpt_path}: no such file; give the .ckpt of a trained run, "
            "e.g. logs/<run name>/version_0/checkpoints/last.ckpt",
            f"--ckpt_path {ckpt_path}: 파일이 없어요. 학습한 실행의 .ckpt 파일을 주세요. "
            "예: logs/<실행 이름>/version_0/checkpoints/last.ckpt",
        )
    try:
        model = SequenceModule.from_checkpoint(path, map_location="cpu")
    except Exception as error:  # a file, but not a checkpoint of this project
        raise ConfigError(
            f"--ckpt_path {ckpt_path} is not a checkpoint of this project "
            f"({type(error).__name__}: {str(error)[:200]}); give a .ckpt written by `fit`",
            ko(
                "--ckpt_path {path}은(는) 이 프로젝트의 체크포인트가 아니에요 ({why}). "
                "`fit`이 쓴 .ckpt 파일을 주세요",
                path=ckpt_path,
                why=f"{type(error).__name__}: {str(error)[:200]}",
            ),
        ) from error
    return model.eval()


def load_data(ckpt_path: str, model):
    """The run's data module, from the config.yaml beside its checkpoints/ folder; the
    task's default data module when there is none."""
    from . import data, module

    config = Path(ckpt_path).resolve().parent.parent / "config.yaml"
    if config.is_file():
        import yaml

        section = (yaml.safe_load(config.read_text(encoding="utf-8")) or {}).get("data") or {}
        if isinstance(section, dict) and "class_path" in section:
            where, _, name = section["class_path"].rpartition(".")
            cls = getattr(importlib.import_module(where), name)
            return cls(**(section.get("init_args") or {}))
    if isinstance(model, module.LanguageModelModule):
        return data.TextDataModule()
    if isinstance(model, module.ClassificationModule):
        return data.DigitsDataModule()
    return data.AddingDataModule()


def build_app(model, datamodule, language: str = LANGUAGE):
    """The Gradio page for the model's task."""
    import gradio as gr

    from . import module
    from .demo_tabs import adding_tab, digits_tab, language_model_tab

    texts = TEXTS.get(language, TEXTS["en"])
    with gr.Blocks(title=texts["title"], analytics_enabled=False) as app:
        gr.Markdown(f"# {texts['title']}")
        if isinstance(model, module.LanguageModelModule):
            language_model_tab(gr, model, datamodule, texts)
        elif isinstance(model, module.ClassificationModule):
            digits_tab(gr, model, datamodule, texts)
        else:
            adding_tab(gr, model, datamodule, texts)
    return app


def offline_theme(gr):
    """Gradio's default look with the system's fonts: its own fonts come from Google."""
    system = ["ui-sans-serif", "system-ui", "sans-serif"]
    return gr.themes.Default(font=system, font_mono=["ui-monospace", "monospace"])


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m {{ cookiecutter.package_name }} demo",
        description="Serve a page where you try a trained model / 학습한 모델을 써 보는 페이지",
    )
    parser.add_argument("--ckpt_path", required=True, help="a .ckpt written by fit")
    parser.add_argument("--host", default="127.0.0.1", help="0.0.0.0 to share on a network")
    parser.add_argument("--port", type=int, default=7860)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # no calls home
    try:
        if not gradio_installed():  # asked before the slow imports, so errors come fast
            raise missing_gradio()
        model = load_model(args.ckpt_path)
        app = build_app(model, load_data(args.ckpt_path, model))
    except ConfigError as error:
        print(f"error: {error.text()}", file=sys.stderr)
        return 2
    import gradio as gr

    print(f"Demo: http://{args.host}:{args.port}/ (Ctrl-C stops it)", flush=True)
    app.launch(
        server_name=args.host,
        server_port=args.port,
        share=False,
        inbrowser=False,
        ssr_mode=False,  # no Node server
        theme=offline_theme(gr),
        quiet=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
