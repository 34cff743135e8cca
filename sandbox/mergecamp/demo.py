"""``make demo`` / ``python -m mergecamp.demo``: bake a project from the template with its
defaults into ./demo/, train it briefly on the CPU, and say what happened.

Training runs in a child process with this same interpreter, exactly as a learner would
type it (``python -m sequence_lab fit --config configs/default.yaml``), so the demo
shows the real project, not a special path through it.
"""

from __future__ import annotations

import csv
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from mergecamp.i18n import Lang, Text, resolve_lang
from mergecamp.paths import project_template

EPOCHS = 6  # the LSTM solves the adding problem in about five epochs (~20 s on 2 cores)
OUTPUT = Path("demo")
NEXT_COMMANDS = (
    "cd {project}",
    "PYTHONPATH=src python -m sequence_lab fit --config configs/data/adding.yaml "
    "--config configs/model/gru.yaml",
    "PYTHONPATH=src python -m sequence_lab fit --config configs/default.yaml "
    "--ckpt_path last --trainer.max_epochs 10",
    "python -m pytest -q tests/test_models.py",
    "mergecamp list",
    "mergecamp onboard",
)
TRAIN_ARGS = ["--trainer.enable_progress_bar", "false", "--trainer.enable_model_summary", "false"]

T = {
    "bake": Text(
        en="Baking a project from the template with its defaults into {path} ...",
        ko="템플릿의 기본값으로 {path} 에 프로젝트를 만들고 있어요...",
    ),
    "train": Text(
        en="Training the {arch} on the {task} task for {epochs} epochs on the CPU ...",
        ko="{arch} 모델을 {task} 과제로 CPU에서 {epochs} 에포크 학습하고 있어요...",
    ),
    "params": Text(en="Parameters: {count}", ko="파라미터 수: {count}"),
    "result": Text(
        en="Final val/loss {loss:.4f} against the baseline {baseline:.4f} (predicting the "
        "mean): {verdict}. Took {seconds:.0f} s.",
        ko="마지막 val/loss는 {loss:.4f}, 기준선(평균만 예측)은 {baseline:.4f}(이)에요: {verdict}. "
        "{seconds:.0f}초 걸렸어요.",
    ),
    "better": Text(en="{times:.0f}× lower than the baseline", ko="기준선보다 {times:.0f}배 낮아요"),
    "worse": Text(
        en="not below the baseline yet: train longer with --trainer.max_epochs 20",
        ko="아직 기준선보다 낮지 않아요: --trainer.max_epochs 20 으로 더 길게 학습해 보세요",
    ),
    "next": Text(
        en="Next: another network, resuming, the project's own tests (in {project}),\n"
        "then the git exercises built from this same project:",
        ko="다음으로 다른 네트워크, 이어서 학습, 프로젝트 자체 테스트를 해 보세요({project}).\n"
        "그다음엔 같은 프로젝트로 만든 git 연습 문제예요:",
    ),
    "no_ml": Text(
        en="The demo needs torch and lightning, which are not installed here: run "
        "`pip install -c constraints.txt -e '.[ml]'` (or `make demo`, which does it).",
        ko="데모에는 torch와 lightning이 필요한데 설치되어 있지 않아요: "
        "`pip install -c constraints.txt -e '.[ml]'` 를 실행하세요 (`make demo` 가 해 줘요).",
    ),
    "bake_failed": Text(
        en="Baking the template failed: {error}",
        ko="템플릿으로 프로젝트를 만들지 못했어요: {error}",
    ),
    "train_failed": Text(
        en="Training stopped with exit code {code}. The last lines it printed:\n{tail}",
        ko="학습이 종료 코드 {code}(으)로 멈췄어요. 마지막 출력은 이래요:\n{tail}",
    ),
}


class DemoError(Exception):
    """A failure with a message for the learner; main() prints it without a traceback."""


class TrainingFailed(DemoError):
    def __init__(self, code: int, tail: str) -> None:
        super().__init__(code, tail)
        self.code, self.tail = code, tail


def bake(output: Path) -> Path:
    """Render the template with defaults into ``output`` (an older demo is replaced)."""
    from cookiecutter.main import cookiecutter

    target = output / "sequence-lab"
    if target.exists():
        shutil.rmtree(target)
    output.mkdir(parents=True, exist_ok=True)
    try:
        path = cookiecutter(
            str(project_template()),
            no_input=True,
            output_dir=str(output),
            extra_context={"init_git": "no"},
        )
    except Exception as err:  # cookiecutter raises many types; all mean the same here
        raise DemoError(str(err) or type(err).__name__) from None
    return Path(path)


def train(project: Path, epochs: int) -> str:
    """Run ``fit`` on the default config in a child process; return what it printed."""
    env = {**os.environ, "PYTHONPATH": str(project / "src")}
    command = [
        sys.executable, "-m", "sequence_lab", "fit", "--config", "configs/default.yaml",
        "--trainer.max_epochs", str(epochs), *TRAIN_ARGS,
    ]  # fmt: skip
    done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    printed = done.stdout + done.stderr
    if done.returncode != 0:
        tail = "\n".join(printed.strip().splitlines()[-15:])
        raise TrainingFailed(done.returncode, tail)
    return printed


def last_metrics(project: Path) -> dict[str, float]:
    """The newest run's last val/loss and val/baseline from the CSV logger."""
    runs = sorted(
        (project / "logs").glob("*/version_*/metrics.csv"),  # logs/<config>/version_<n>/
        key=lambda p: p.stat().st_mtime,
    )
    if not runs:
        raise DemoError(f"no metrics.csv under {project / 'logs'}")
    values: dict[str, float] = {}
    with runs[-1].open(newline="") as handle:
        for row in csv.DictReader(handle):
            for key in ("val/loss", "val/baseline"):
                if row.get(key):
                    values[key] = float(row[key])
    return values


def run(lang: Lang, output: Path = OUTPUT, epochs: int = EPOCHS) -> int:
    def say(key: str, **fields: object) -> None:
        print(T[key].format(**fields)(lang) if fields else T[key](lang), flush=True)

    if not (importlib.util.find_spec("torch") and importlib.util.find_spec("lightning")):
        say("no_ml")
        return 1
    say("bake", path=output / "sequence-lab")
    try:
        project = bake(output)
    except DemoError as err:
        say("bake_failed", error=err)
        return 1
    say("train", arch="LSTM", task="adding", epochs=epochs)
    started = time.monotonic()
    try:
        printed = train(project, epochs)
    except TrainingFailed as err:
        say("train_failed", code=err.code, tail=err.tail)
        return 1
    seconds = time.monotonic() - started
    count = re.search(r"Parameters: ([\d,]+)", printed)
    say("params", count=count.group(1) if count else "?")
    try:
        metrics = last_metrics(project)
    except DemoError as err:
        say("train_failed", code=0, tail=err)
        return 1
    loss, baseline = metrics["val/loss"], metrics["val/baseline"]
    verdict = (
        T["better"].format(times=baseline / max(loss, 1e-12))(lang)
        if loss < baseline
        else T["worse"](lang)
    )
    say("result", loss=loss, baseline=baseline, verdict=verdict, seconds=seconds)
    say("next", project=project)
    for command in _activation() + NEXT_COMMANDS:
        print("  " + command.format(project=project))
    return 0


def _activation() -> tuple[str, ...]:
    """The line that puts this venv's python and mergecamp on PATH, if we run in one."""
    if sys.prefix == sys.base_prefix:
        return ()
    return (f"source {Path(sys.prefix) / 'bin' / 'activate'}",)


def main() -> None:
    sys.exit(run(resolve_lang()))


if __name__ == "__main__":
    main()
