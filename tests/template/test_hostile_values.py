"""Hostile answers: none runs code, every generated file parses, bad ones are refused.

Answers reach Python, TOML, YAML and Markdown only through the escaping filters of
template/mergecamp_jinja.py; pre_gen_project refuses what no escaping can make right
(a branch git refuses, a line break in a one-line value, template syntax).
"""

from __future__ import annotations

import ast
import importlib.util
import json
import re
import shutil
import subprocess
import tomllib
from pathlib import Path
from types import ModuleType

import pytest
import yaml
from cookiecutter.exceptions import FailedHookException, UndefinedVariableInTemplate
from cookiecutter.main import cookiecutter
from template_baking import TEMPLATE, bake


def _load_filters() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "mergecamp_jinja", TEMPLATE / "mergecamp_jinja.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


FILTERS = _load_filters()

# Legal in a name or a one-line description, and each breaks naive quoting somewhere.
HOSTILE_TEXT = [
    "C:\\lab\\",  # a trailing backslash escapes the closing quote
    'The "best" lab',
    "Kim's lab",
    "시퀀스 랩 naïve 😀",
    "Lab #1 # not a comment",
    "key: value - [a, b]",
    "{curly} {braces} } {",
    "a\\\"b'c #d: {e} \\u0041 ${HOME} `tick` <b>x</b> *y* _z_ | 1. ~~s~~",
]
# Legal pip requirements with quotes, '#', ':' and '\'.
HOSTILE_REQUIREMENTS = [
    'mergecamp==0.1.0; python_version >= "3.10"',
    "mergecamp[extra]>=0.1,<1 ; sys_platform != 'win32'",
    "mergecamp @ file:///tmp/wheels/mergecamp-0.1.0-py3-none-any.whl#sha256=00ff",
    "mergecamp @ file:///C:/wheels\\mergecamp-0.1.0-py3-none-any.whl",
]
# Each refused by pre_gen_project with a sentence that names the variable.
REFUSED = [
    ("default_branch", "my branch"),
    ("default_branch", ".."),
    ("default_branch", ""),
    ("default_branch", "-main"),
    ("default_branch", "feat/x.lock"),
    ("default_branch", "main;rm"),
    ("author_name", "Kim\nMinji"),
    ("author_name", ""),
    ("description", "tab\there"),
    ("description", "right-to-left \u202e override"),
    ("project_name", "x" * 201),
    ("author_email", "not-an-email"),
    ("author_email", "a@b"),
    ("author_email", 'x"@example.com'),
    ("hooks_requirement", "--index-url=http://example.invalid mergecamp"),
    ("hooks_requirement", ""),
    ("project_slug", "my lab"),
]


@pytest.fixture(autouse=True)
def private_cookiecutter_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Replay files of these bakes go to tmp_path/replay, never into the real home."""
    config = tmp_path / "cookiecutterrc.yaml"
    config.write_text(
        yaml.safe_dump(
            {
                "replay_dir": str(tmp_path / "replay"),
                "cookiecutters_dir": str(tmp_path / "cookiecutters"),
            }
        ),
        encoding="utf-8",
    )
    monkeypatch.setenv("COOKIECUTTER_CONFIG", str(config))


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def touch_code(marker: Path) -> str:
    """Python statements that create ``marker``, wrapped to close a pasted string literal."""
    return f'main"; import pathlib; pathlib.Path({str(marker)!r}).touch(); X="'


def one_line_refusal(capfd: pytest.CaptureFixture[str]) -> str:
    lines = capfd.readouterr().err.strip().splitlines()
    refusals = [line for line in lines if " set " in line]
    assert len(refusals) == 1, lines
    return refusals[0]


def parse_every_file(project: Path) -> None:
    """Every .py compiles, every .toml and .yaml/.yml loads."""
    for path in project.rglob("*"):
        if not path.is_file() or ".git" in path.relative_to(project).parts:
            continue
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".py":
            compile(text, str(path), "exec")
        elif path.suffix == ".toml":
            tomllib.loads(text)
        elif path.suffix in (".yaml", ".yml"):
            yaml.safe_load(text)


def markdown_unescaped(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


# --- answers never run ------------------------------------------------------------------


def test_code_in_the_default_branch_is_refused_and_never_runs(tmp_path, out, capfd):
    marker = tmp_path / "injected"
    with pytest.raises(FailedHookException):
        bake(out, default_branch=touch_code(marker))
    assert not marker.exists()
    assert list(out.iterdir()) == []
    assert "default_branch" in one_line_refusal(capfd)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_code_in_free_text_stays_text_through_git_init(tmp_path, out, monkeypatch):
    """The same payload where it is legal: the hooks and git carry it as plain text."""
    home = tmp_path / "home"
    home.mkdir()
    (home / ".gitconfig").write_text("", encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / ".gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    marker = tmp_path / "injected"
    author = "Kim " + touch_code(marker) + " Minji"  # git trims quotes at the ends only
    project = bake(
        out, init_git="yes", author_name=author, description=touch_code(marker),
        project_name=touch_code(marker),
    )  # fmt: skip
    assert not marker.exists()
    pyproject = tomllib.loads((project / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["authors"][0]["name"] == author
    logged = subprocess.run(
        ["git", "log", "-1", "--format=%an"], cwd=project, capture_output=True, text=True
    )
    assert logged.stdout.strip() == author


def test_jinja_in_an_answer_is_refused_before_it_runs(tmp_path, out):
    """cookiecutter renders extra context as a template while it answers the questions."""
    marker = tmp_path / "injected"
    payload = "{{ cycler.__init__.__globals__.os.system('touch " + str(marker) + "') }}"
    with pytest.raises(UndefinedVariableInTemplate) as refused:
        bake(out, description=payload)
    assert not marker.exists()
    assert list(out.iterdir()) == []
    assert "'description'" in refused.value.message
    assert "Jinja template syntax" in refused.value.error.message


@pytest.mark.parametrize("syntax", ["{{ 7 * 7 }}", "{% if true %}x{% endif %}", "{# c #}", "{{"])
def test_any_template_syntax_in_an_answer_is_refused(out, syntax):
    with pytest.raises(UndefinedVariableInTemplate) as refused:
        bake(out, description=f"a {syntax} b")
    assert "'description'" in refused.value.message
    assert list(out.iterdir()) == []


# --- hostile but legal answers make a project that parses --------------------------------


@pytest.mark.parametrize("text", HOSTILE_TEXT, ids=range(len(HOSTILE_TEXT)))
def test_hostile_text_bakes_files_that_parse_and_keep_it(out, text):
    project = bake(out, project_name=text, author_name=text, description=text)
    parse_every_file(project)
    pyproject = tomllib.loads((project / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["authors"][0]["name"] == text
    assert pyproject["project"]["description"] == text
    package = project / "src" / project.name.replace("-", "_")
    init = ast.parse((package / "__init__.py").read_text(encoding="utf-8"))
    assert ast.get_docstring(init, clean=False) == f"{text}: {text}"
    readme = (project / "README.md").read_text(encoding="utf-8").splitlines()
    assert markdown_unescaped(readme[0]) == f"# {text}"
    assert markdown_unescaped(readme[2]) == text


@pytest.mark.parametrize("requirement", HOSTILE_REQUIREMENTS, ids=range(4))
@pytest.mark.parametrize("ci", ["github", "gitlab"])
def test_hostile_requirement_reaches_pre_commit_intact(out, requirement, ci):
    project = bake(
        out, hooks_source="pypi", hooks_requirement=requirement, ci=ci, default_branch="trunk"
    )
    parse_every_file(project)
    config = yaml.safe_load((project / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    ours = [h for r in config["repos"] for h in r["hooks"] if h["id"].startswith("mergecamp")]
    assert ours and all(h["additional_dependencies"] == [requirement] for h in ours)
    assert "--default-branch trunk" in ours[0]["entry"]


def test_local_hooks_read_the_default_branch_from_pyproject(out):
    project = bake(out, default_branch="release/v1.2")
    pyproject = tomllib.loads((project / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["tool"]["mergecamp"]["default_branch"] == "release/v1.2"
    config = yaml.safe_load((project / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    ours = [h for r in config["repos"] for h in r["hooks"] if h["id"].startswith("mergecamp")]
    assert ours and all(h["entry"].startswith("python tools/conventions/run.py ") for h in ours)
    assert all("additional_dependencies" not in h for h in ours)


def test_the_ci_workflow_names_the_default_branch(out):
    project = bake(out, default_branch="release/v1.2")
    workflow = yaml.safe_load((project / ".github/workflows/ci.yml").read_text(encoding="utf-8"))
    assert workflow[True]["push"]["branches"] == ["release/v1.2"]  # YAML 1.1 reads `on` as True


# --- answers that must be refused -------------------------------------------------------


@pytest.mark.parametrize("name,value", REFUSED, ids=[f"{n}={v[:20]!r}" for n, v in REFUSED])
def test_bad_answer_is_refused_naming_it_and_nothing_is_written(out, capfd, name, value):
    with pytest.raises(FailedHookException):
        bake(out, **{name: value})
    assert list(out.iterdir()) == []
    message = one_line_refusal(capfd)
    assert f"set {name}" in message


# Answers only a replay file (or cruft) can bring: they never met a prompt.
REPLAYED = [("ci", "jenkins"), ("description", "{{ 7 * 7 }}"), ("project_name", "a\nb"),
            ("author_name", 42)]  # fmt: skip


@pytest.mark.parametrize("name,value", REPLAYED)
def test_a_replayed_answer_is_checked_too(tmp_path, out, capfd, name, value):
    """A replay file skips the prompts (and cookiecutter's own choice check)."""
    bake(tmp_path / "first")
    replay = json.loads((tmp_path / "replay" / "template.json").read_text())
    replay["cookiecutter"][name] = value
    edited = tmp_path / "edited" / "template.json"
    edited.parent.mkdir()
    edited.write_text(json.dumps(replay), encoding="utf-8")
    capfd.readouterr()
    with pytest.raises(FailedHookException):
        cookiecutter(str(TEMPLATE), replay=str(edited), output_dir=str(out))
    assert list(out.iterdir()) == []
    assert f"set {name}" in one_line_refusal(capfd)


# --- the filters themselves -------------------------------------------------------------

NASTY = [
    "",
    "plain",
    "\\\"'",
    "tab\tnew\nline\rcr\x00nul\x7fdel\x85nel\u2028ls",
    "é 한글 😀 \u200d zwj \u202e bidi \ufeff bom",
    "trailing backslash\\",
    "{{ not a tag }} #: - [x]",
]


@pytest.mark.parametrize("text", NASTY, ids=range(len(NASTY)))
def test_filters_round_trip(text):
    assert ast.literal_eval(FILTERS.py_str(text)) == text
    assert tomllib.loads(f"v = {FILTERS.toml_str(text)}")["v"] == text
    assert yaml.safe_load(f"v: {FILTERS.yaml_str(text)}")["v"] == text
    assert "\n" not in FILTERS.py_str(text) + FILTERS.toml_str(text) + FILTERS.yaml_str(text)


@pytest.mark.parametrize(
    "text,shown",
    [("# not a heading", "\\# not a heading"), ("12. not a list", "12\\. not a list"),
     ("- no", "\\- no"), ("<b>*x*</b> [l](u) `c`", "\\<b\\>\\*x\\*\\</b\\> \\[l\\](u) \\`c\\`")],
)  # fmt: skip
def test_markdown_shows_text_as_written(text, shown):
    assert FILTERS.md_text(text) == shown
    assert markdown_unescaped(shown) == text


def test_python_and_yaml_keep_a_lone_surrogate():
    text = "bad \udcff byte"
    assert ast.literal_eval(FILTERS.py_str(text)) == text
    assert yaml.safe_load(FILTERS.yaml_str(text)) == text
    with pytest.raises(ValueError):
        FILTERS.toml_str(text)


# --- the sandbox's render ---------------------------------------------------------------


def test_sandbox_render_keeps_cookiecutter_inside_an_odd_workspace(tmp_path, monkeypatch):
    """Quotes, a backslash and `$HOME` in the workspace path; a user config that must not count."""
    from mergecamp import render

    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    elsewhere = tmp_path / "elsewhere"
    config = tmp_path / "user-config.yaml"
    config.write_text(
        yaml.safe_dump(
            {"replay_dir": str(elsewhere), "default_context": {"author_name": "Intruder"}}
        ),
        encoding="utf-8",
    )
    monkeypatch.setenv("COOKIECUTTER_CONFIG", str(config))
    workspace = tmp_path / 'ws "quoted" \\ back $HOME'
    project = render.rendered_project(workspace)
    assert project.is_relative_to(workspace) and project.is_dir()
    assert (workspace / ".mergecamp" / "replay" / "template.json").is_file()
    assert not elsewhere.exists()
    assert not (home / ".cookiecutter_replay").exists()
    assert [p for p in home.rglob("*")] == []
    pyproject = tomllib.loads((project / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["authors"][0]["name"] == "Your Name"
