"""Every model × task in template/cookiecutter.json bakes into a complete, rendered project."""

from __future__ import annotations

import copy
import re
import shutil
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
# A config has no GitHub expressions: any Jinja opener in one is a leftover.
JINJA_IN_CONFIG = re.compile(r"\{\{|\{%|\{#")
TASK_CLASSES = {
    "adding": ("RegressionModule", "AddingDataModule"),
    "classify": ("ClassificationModule", "DigitsDataModule"),
    "lm": ("LanguageModelModule", "TextDataModule"),
}
NETWORK_CLASSES = {
    "rnn": "RecurrentNet", "lstm": "RecurrentNet", "gru": "RecurrentNet",
    "conv1d": "ConvNet", "transformer": "TransformerNet",
}  # fmt: skip
# Network options a network-only config writes as null (the net picks by task), where
# default.yaml, which knows the task, writes the value.
PICKED_BY_TASK = {"readout", "pool_size"}
# Every bake holds the parts for every model and task (configs compose), whatever it chose.
CONFIG_FILES = {
    "configs/default.yaml",
    *(f"configs/data/{name}.yaml" for name in ("adding", "classify", "lm", "text-ko")),
    *(f"configs/model/{name}.yaml" for name in MODELS),
    *(f"configs/trainer/{name}.yaml" for name in ("multinode", "tensorboard")),
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
        f"{src}/data/corpus_ko.txt", "scripts/slurm/train.sbatch",
        *(f"tests/{name}.py" for name in
          ("test_lessons", "test_korean_corpus", "test_versioning", "test_multinode",
           "test_slurm_script", "test_demo")),
    }  # fmt: skip


def expected_files(package: str) -> set[str]:
    src = f"src/{package}"
    return {
        "README.md", "pyproject.toml", ".gitignore", *CONFIG_FILES,
        *(f"{src}/{name}.py" for name in
          ("__init__", "__main__", "cli", "module", "errors", "korean", "options",
           "parser_errors", "runs")),
        *(f"{src}/models/{name}.py" for name in
          ("__init__", "activations", "conv", "recurrent", "shapes", "transformer")),
        *(f"{src}/data/{name}.py" for name in
          ("__init__", "adding", "base", "csv_sequences", "digits", "text")),
        f"{src}/data/corpus.txt",
        *lessons_demo_and_scale(src),
        *(f"tests/{name}.py" for name in
          ("__init__", "conftest", "test_cli", "test_configs", "test_data", "test_models",
           "test_parser_errors", "test_runs", "test_slow", "test_training")),
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

    assert_configs_compose(project)
    default = (project / "configs" / "default.yaml").read_text(encoding="utf-8")
    config = yaml.safe_load(default)
    module, data = TASK_CLASSES[task]
    assert config["model"]["class_path"] == f"sequence_lab.module.{module}"
    assert config["data"]["class_path"] == f"sequence_lab.data.{data}"
    assert network_of(config) == (NETWORK_CLASSES[model], model)
    # default.yaml is the chosen task's and network's files in one (as YAML; the
    # project's own tests/test_configs.py proves it as LightningCLI parses them). Only
    # the options a network picks by task are written out in it alone.
    parts = [load(project / "configs" / folder / f"{name}.yaml")
             for folder, name in (("data", task), ("model", model))]  # fmt: skip
    composed = merged(*parts)
    written = copy.deepcopy(config)
    network = composed["model"]["init_args"]["net"]["init_args"]
    for key in PICKED_BY_TASK:
        if key in network:
            assert network[key] is None, f"model/{model}.yaml decides {key} for every task"
            network.pop(key)
        written["model"]["init_args"]["net"]["init_args"].pop(key, None)
    assert written == composed
    # The sandbox edits these options in place: each appears once in the file.
    for key in ("activation", "hidden_size", "dropout", "lr", "max_epochs"):
        assert len(re.findall(rf"^ *{key}: \S", default, re.M)) == 1, key


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def merged(base: dict, *overrides: dict) -> dict:
    """Later files win key by key, mappings merge (as --config after --config does)."""
    result = dict(base)
    for override in overrides:
        for key, value in override.items():
            old = result.get(key)
            both_mappings = isinstance(old, dict) and isinstance(value, dict)
            result[key] = merged(old, value) if both_mappings else value
    return result


def network_of(config: dict) -> tuple[str, str]:
    """The network class a config injects and the model it is (a recurrent net's arch)."""
    net = config["model"]["init_args"]["net"]
    cls = net["class_path"].removeprefix("sequence_lab.models.")
    fixed = {"ConvNet": "conv1d", "TransformerNet": "transformer"}
    return cls, fixed[cls] if cls in fixed else net["init_args"]["arch"]


def assert_configs_compose(project: Path) -> None:
    """configs/ holds exactly the composable parts: no per-combination file left from the
    old layout, no template folder copied in, nothing left unrendered."""
    configs = project / "configs"
    found = {p.relative_to(project).as_posix() for p in configs.rglob("*") if p.is_file()}
    assert found == CONFIG_FILES
    assert not list(configs.glob("*-*.yaml"))
    assert not [p for p in project.rglob("templates") if p.is_dir()]
    assert not list(project.rglob("*.j2"))
    for path in configs.rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        leftover = JINJA_IN_CONFIG.search(text)
        assert leftover is None, f"{path.name}: unrendered {text[leftover.start() :][:40]!r}"


def test_every_config_parses_and_names_its_part(default_project):
    configs = default_project / "configs"
    for model in MODELS:
        config = load(configs / "model" / f"{model}.yaml")
        assert network_of(config) == (NETWORK_CLASSES[model], model)
        assert set(config) == {"model"}  # a network's file sets nothing of the task
    for task, (module, data) in TASK_CLASSES.items():
        config = load(configs / "data" / f"{task}.yaml")
        assert config["model"]["class_path"] == f"sequence_lab.module.{module}"
        assert "net" not in config["model"].get("init_args", {})  # nor the task's the network
        assert config["data"]["class_path"] == f"sequence_lab.data.{data}"
    korean = load(configs / "data" / "text-ko.yaml")
    assert korean["data"]["init_args"]["corpus"] == "ko"
    for name in ("multinode", "tensorboard"):
        assert set(load(configs / "trainer" / f"{name}.yaml")) == {"trainer"}


def test_any_task_and_network_compose_into_a_whole_config(default_project):
    """Any data/ + model/ pair makes a whole config: the task's module and data, the
    network's class and options, one learning rate."""
    configs = default_project / "configs"
    for model in MODELS:
        for task, (module, _) in TASK_CLASSES.items():
            config = merged(load(configs / "data" / f"{task}.yaml"),
                            load(configs / "model" / f"{model}.yaml"))  # fmt: skip
            assert config["model"]["class_path"].endswith(module)
            assert network_of(config) == (NETWORK_CLASSES[model], model)
            assert isinstance(config["model"]["init_args"]["lr"], float)


def test_defaults_are_lstm_on_adding(default_project):
    assert default_project.name == "sequence-lab"
    assert (DEFAULT_MODEL, DEFAULT_TASK) == ("lstm", "adding")
    config = load(default_project / "configs" / "default.yaml")
    assert network_of(config) == ("RecurrentNet", "lstm")
    assert config["data"]["class_path"] == "sequence_lab.data.AddingDataModule"


def test_the_root_menu_bakes_with_no_input_and_extra_context(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "cookiecutter", "--no-input", str(REPO), "-o", str(tmp_path),
         "model=gru", "task=lm", "init_git=no"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    config = load(tmp_path / "sequence-lab" / "configs" / "default.yaml")
    assert network_of(config) == ("RecurrentNet", "gru")
    assert config["data"]["class_path"] == "sequence_lab.data.TextDataModule"


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
    # configs/trainer/tensorboard.yaml tells the learner to install this extra.
    extras = pyproject["project"]["optional-dependencies"]
    assert extras["tensorboard"] == ["tensorboard>=2.9"]
    assert "tensorboard>=2.9" in extras["dev"]  # its tests run that config; CI installs .[dev]
    tensorboard = (default_project / "configs" / "trainer" / "tensorboard.yaml").read_text()
    assert 'pip install -e ".[tensorboard]"' in tensorboard
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


@pytest.mark.parametrize(
    "spoil",
    [
        lambda configs: (configs / "lstm-adding.yaml").write_text("seed_everything: 0\n"),
        lambda configs: (configs.parent / "templates").mkdir(),
        lambda configs: (configs / "data" / "adding.yaml").write_text("lr: {{ lr }}\n"),
        lambda configs: (configs / "model" / "gru.yaml").unlink(),
    ],
    ids=["old-layout-file", "templates-folder", "jinja-left", "part-missing"],
)
def test_the_configs_check_catches_a_spoiled_bake(tmp_path, default_project, spoil):
    project = tmp_path / "project"
    shutil.copytree(default_project / "configs", project / "configs")
    assert_configs_compose(project)  # the bake as made passes
    spoil(project / "configs")
    with pytest.raises(AssertionError):
        assert_configs_compose(project)
