"""Every model × task in template/cookiecutter.json bakes into a complete, rendered project."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from template_baking import DEFAULT_MODEL, DEFAULT_TASK, MODELS, REPO, TASKS, bake

# A Jinja tag left behind. `${{ ... }}` is GitHub Actions' own expression syntax, which the
# rendered workflow files are meant to contain, so a `{{` right after `$` does not count.
JINJA_LEFTOVER = re.compile(r"(?<!\$)\{\{|\{%|\{#")
TASK_CLASSES = {
    "adding": ("RegressionModule", "AddingDataModule"),
    "classify": ("ClassificationModule", "DigitsDataModule"),
    "lm": ("LanguageModelModule", "TextDataModule"),
}
# Files owned by the conventions part of the template (pre-commit and its hooks, CI, PR
# template).
CONVENTIONS = re.compile(
    r"^(CONTRIBUTING\.md|\.pre-commit-config\.yaml|\.gitlab-ci\.yml|\.github/|\.gitlab/"
    r"|tools/conventions/)"
)


def lessons_demo_and_scale(src: str) -> set[str]:
    """The notes' lessons, the Korean corpus, data hashes, the demo, multi-node training."""
    return {
        *(f"{src}/lessons/{name}.py" for name in
          ("__init__", "weight_sharing", "lstm_cell", "attention_split", "elmo")),
        *(f"{src}/{name}.py" for name in ("versioning", "demo", "demo_tabs")),
        f"{src}/data/corpus_ko.txt", "configs/data/text-ko.yaml",
        "configs/trainer/multinode.yaml", "scripts/slurm/train.sbatch",
        *(f"tests/{name}.py" for name in
          ("test_lessons", "test_korean_corpus", "test_versioning", "test_multinode",
           "test_demo")),
    }  # fmt: skip


def expected_files(package: str) -> set[str]:
    src = f"src/{package}"
    configs = {f"configs/{m}-{t}.yaml" for m in MODELS for t in TASKS}
    return {
        "README.md", "pyproject.toml", ".gitignore", "configs/default.yaml", *configs,
        *(f"{src}/{name}.py" for name in
          ("__init__", "__main__", "cli", "module", "errors", "options", "runs")),
        *(f"{src}/models/{name}.py" for name in
          ("__init__", "activations", "conv", "recurrent", "shapes", "transformer")),
        *(f"{src}/data/{name}.py" for name in
          ("__init__", "adding", "base", "csv_sequences", "digits", "text")),
        f"{src}/data/corpus.txt",
        *lessons_demo_and_scale(src),
        *(f"tests/{name}.py" for name in
          ("__init__", "conftest", "test_cli", "test_data", "test_models", "test_runs",
           "test_slow", "test_training")),
    }  # fmt: skip


def files_of(project: Path) -> set[str]:
    return {p.relative_to(project).as_posix() for p in project.rglob("*") if p.is_file()}


@pytest.mark.parametrize("task", TASKS)
@pytest.mark.parametrize("model", MODELS)
def test_every_model_and_task_bakes(tmp_path, model, task):
    project = bake(tmp_path, model=model, task=task)
    files = files_of(project)
    assert {f for f in files if not CONVENTIONS.match(f)} == expected_files("sequence_lab")
    # The hooks' copy is verbatim source (f-strings hold `{{`); test_conventions_copy
    # compares it with hooks/mergecamp_hooks instead.
    for name in (f for f in files if not f.startswith("tools/conventions/mergecamp_hooks/")):
        text = (project / name).read_text(encoding="utf-8")
        leftover = JINJA_LEFTOVER.search(text)
        assert leftover is None, f"{name}: unrendered {text[leftover.start() :][:40]!r}"

    default = (project / "configs" / "default.yaml").read_text(encoding="utf-8")
    config = yaml.safe_load(default)
    module, data = TASK_CLASSES[task]
    assert config["model"]["class_path"] == f"sequence_lab.module.{module}"
    assert config["data"]["class_path"] == f"sequence_lab.data.{data}"
    assert config == yaml.safe_load((project / "configs" / f"{model}-{task}.yaml").read_text())
    # The sandbox edits these lines with a regex: one option per line, stable indentation.
    assert re.search(rf"^    arch: {model} +#", default, re.M)
    for line in ("    activation: ", "    hidden_size: ", "    dropout: ", "    lr: ",
                 "  max_epochs: "):  # fmt: skip
        assert len(re.findall(rf"^{line}\S", default, re.M)) == 1, line


def test_every_config_parses_and_names_its_model(default_project):
    for path in (default_project / "configs").glob("*-*.yaml"):
        model, task = path.stem.split("-")
        config = yaml.safe_load(path.read_text())
        assert config["model"]["init_args"]["arch"] == model
        assert config["data"]["class_path"].endswith(TASK_CLASSES[task][1])


def test_defaults_are_lstm_on_adding(default_project):
    assert default_project.name == "sequence-lab"
    assert (DEFAULT_MODEL, DEFAULT_TASK) == ("lstm", "adding")
    default = (default_project / "configs" / "default.yaml").read_text()
    assert "    arch: lstm" in default and "AddingDataModule" in default


def test_the_root_menu_bakes_with_no_input_and_extra_context(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "cookiecutter", "--no-input", str(REPO), "-o", str(tmp_path),
         "model=gru", "task=lm", "init_git=no"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    default = (tmp_path / "sequence-lab" / "configs" / "default.yaml").read_text()
    assert "    arch: gru" in default and "TextDataModule" in default


def test_a_korean_project_name_gets_a_usable_slug(tmp_path):
    project = bake(tmp_path, project_name="시퀀스 랩")
    assert project.name == "sikweonseu-raeb"
    assert (project / "src" / "sikweonseu_raeb" / "cli.py").is_file()
    assert "# 시퀀스 랩" in (project / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("language", ["en", "ko"])
def test_docs_language_picks_the_readme_and_is_recorded(tmp_path, language):
    project = bake(tmp_path, docs_language=language)
    readme = (project / "README.md").read_text(encoding="utf-8")
    korean = re.search(r"[\uac00-\ud7a3]", readme) is not None
    assert korean == (language == "ko")
    assert "python -m sequence_lab fit --config configs/default.yaml" in readme
    pyproject = tomllib.loads((project / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["tool"]["mergecamp"]["language"] == language


def test_generated_pyproject_and_gitignore(default_project):
    pyproject = tomllib.loads((default_project / "pyproject.toml").read_text())
    deps = " ".join(pyproject["project"]["dependencies"])
    for requirement in ("torch>=", "lightning>=", "jsonargparse[signatures]", "torchmetrics"):
        assert requirement in deps
    assert "==" not in deps  # a project keeps ranges; pins belong to lock files
    assert pyproject["project"]["scripts"] == {"sequence-lab": "sequence_lab.cli:main"}
    assert pyproject["tool"]["pytest"]["ini_options"]["pythonpath"] == ["src"]
    ignored = (default_project / ".gitignore").read_text().split()
    for pattern in ("logs/", "lightning_logs/", "*.ckpt", "*.pt", "*.pth", "wandb/", ".venv/"):
        assert pattern in ignored


def test_generated_code_passes_ruff(default_project):
    ruff = Path(sys.executable).with_name("ruff")
    if not ruff.exists():
        pytest.skip("ruff is not installed next to this Python")
    for args in (["check", "--no-cache", "."], ["format", "--check", "--no-cache", "."]):
        done = subprocess.run(
            [str(ruff), *args], cwd=default_project, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stdout + done.stderr
