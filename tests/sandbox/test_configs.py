"""mergecamp.configs: configs are parsed, never grepped.

The two bugs this replaces: a conflict "resolved" by keeping both `activation:` lines (a
regex read the first, YAML loads the last), and a `git stash pop` committed with its
conflict markers (a regex read the first matching line). Both must now read as "no
value", with a message that names the key and the lines.

``set_option`` must write exactly the bytes the old line regex wrote for every edit the
exercises script, or every exercise's commit hashes would change: the old implementation
is copied here as the reference.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mergecamp import configs
from mergecamp.configs import ConfigError, config_problems, find_option, load, read_option

REPO = Path(__file__).resolve().parents[2]
TEMPLATE_CONFIGS = REPO / "template" / "{{cookiecutter.project_slug}}" / "configs"
CODE = re.compile(r"`[^`]*`")
FIELD = re.compile(r"\{[a-z_]*\}")

# Every config the template renders (configs/default.yaml, data/, model/, trainer/).
CONFIG_NAMES = sorted(
    p.relative_to(TEMPLATE_CONFIGS).as_posix() for p in TEMPLATE_CONFIGS.rglob("*.yaml")
)
# One config of each shape (comment columns, commented-out keys, quoted values) besides
# default.yaml.
SHAPES = ("data/lm.yaml", "model/conv1d.yaml", "model/transformer.yaml", "model/gru.yaml")


@pytest.fixture(scope="session")
def project(render_cache: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The lstm × adding project the exercises start from, rendered once per session."""
    from mergecamp.render import rendered_project

    workspace = tmp_path_factory.mktemp("configs-ws")
    (workspace / ".mergecamp").mkdir()
    (workspace / ".mergecamp" / "cache").symlink_to(render_cache, target_is_directory=True)
    return rendered_project(workspace)


def rendered(project: Path, name: str) -> str:
    return (project / "configs" / name).read_text(encoding="utf-8")


@pytest.fixture
def default(project: Path) -> str:
    """configs/default.yaml as the exercises' repositories have it."""
    return rendered(project, "default.yaml")


def stash_pop_of(default: str) -> str:
    """default.yaml after a `git stash pop` that conflicted on hidden_size."""
    return default.replace(
        "        hidden_size: 64\n",
        "<<<<<<< Updated upstream\n        hidden_size: 64\n=======\n        hidden_size: 96\n"
        ">>>>>>> Stashed changes\n",
    )


@pytest.fixture
def stash_pop(default: str) -> str:
    return stash_pop_of(default)


# --- the old regex implementation, verbatim: the byte reference -------------------

_OPTION = r"^(?P<indent>[ \t]*){key}:[ \t]*(?P<value>[^#\n]*?)(?P<tail>[ \t]*(#[^\n]*)?)$"


def old_read_option(text: str, key: str) -> str | None:
    match = re.search(_OPTION.format(key=re.escape(key)), text, flags=re.MULTILINE)
    return match.group("value").strip() if match else None


def old_set_option(path: Path, key: str, value: str) -> None:
    text = path.read_text(encoding="utf-8")
    pattern = re.compile(_OPTION.format(key=re.escape(key)), flags=re.MULTILINE)
    match = pattern.search(text)
    if match is None:
        raise LookupError(f"{path.name} has no line for {key!r}")
    old = match.group("value")
    tail = match.group("tail")
    if tail.strip():
        pad = max(1, len(old) + len(tail) - len(tail.lstrip()) - len(value))
        tail = " " * pad + tail.lstrip()
    line = f"{match.group('indent')}{key}: {value}{tail}"
    path.write_text(text[: match.start()] + line + text[match.end() :], encoding="utf-8")


# Every (key, value) the exercises' setups write, plus a value too long for the comment
# column and float spellings that must survive as written.
EDITS = (
    ("activation", "relu"),
    ("activation", "swish"),
    ("arch", "transformer"),
    ("arch", "gru"),
    ("batch_size", "32"),
    ("batch_size", "128"),
    ("bidirectional", "true"),
    ("learn_init", "true"),
    ("dropout", "0.1"),
    ("dropout", "0.05"),
    ("dropout", "0.10"),
    ("hidden_size", "128"),
    ("hidden_size", "96"),
    ("hidden_size", "80"),
    ("lr", "0.002"),
    ("lr", "0.03"),
    ("lr", "1e-3"),
    ("max_epochs", "1"),
    ("max_epochs", "30"),
    ("num_layers", "3"),
    ("readout", "mean"),
    ("seq_len", "100"),
    ("arch", "a_value_much_longer_than_the_space_before_its_comment"),
)


# --- duplicate keys -------------------------------------------------------------------


def test_duplicate_key_at_top_level_names_key_and_both_lines() -> None:
    text = "seed_everything: 0\ntrainer:\n  max_epochs: 10\nseed_everything: 1\n"
    with pytest.raises(ConfigError) as info:
        load(text)
    err = info.value
    assert (err.code, err.key, err.lines) == ("duplicate-key", "seed_everything", (1, 4))
    assert "`seed_everything` appears twice, on lines 1 and 4" in err.message.en
    assert "1번째 줄과 4번째 줄" in err.message.ko


def test_both_sides_kept_in_a_resolution_is_refused_nested(default: str) -> None:
    """The reproduced bug: both `activation` lines kept under the network's options."""
    text = default.replace(
        "        activation: tanh     # relu | tanh | gelu | swish\n",
        "        activation: swish\n        activation: relu\n",
    )
    assert old_read_option(text, "activation") == "swish"  # what the regex believed
    with pytest.raises(ConfigError) as info:
        load(text)
    err = info.value
    first = text.splitlines().index("        activation: swish") + 1
    assert (err.code, err.key, err.lines) == ("duplicate-key", "activation", (first, first + 1))
    assert f"lines {first} and {first + 1}" in err.message.en
    where = "`model.init_args.net.init_args`"
    assert where in err.message.en and where in err.message.ko
    assert read_option(text, "activation") is None
    assert read_option(text, "lr") is None  # nothing in a refused config is trusted


def test_duplicate_nested_mapping_key_is_refused() -> None:
    text = "model:\n  init_args:\n    lr: 0.1\n  init_args:\n    lr: 0.2\n"
    with pytest.raises(ConfigError) as info:
        load(text)
    assert (info.value.key, info.value.lines) == ("init_args", (2, 4))
    assert "`model`" in info.value.message.en


# --- syntax errors --------------------------------------------------------------------


def test_conflict_markers_are_a_syntax_error_naming_the_line(stash_pop: str) -> None:
    assert old_read_option(stash_pop, "hidden_size") == "64"  # what the regex believed
    with pytest.raises(ConfigError) as info:
        load(stash_pop)
    err = info.value
    line = stash_pop.splitlines().index("<<<<<<< Updated upstream") + 1
    assert (err.code, err.key, err.lines) == ("syntax", None, (line,))
    for text in (err.message.en, err.message.ko):
        assert str(line) in text and "`<<<<<<<`" in text
        assert "Traceback" not in text and "ScannerError" not in text and "ruamel" not in text
    assert read_option(stash_pop, "hidden_size") is None


@pytest.mark.parametrize(
    "text",
    [
        "model:\n  init_args:\n    arch: lstm\n   lr: 0.1\n",  # mis-indented
        "model:\n\tarch: lstm\n",  # a tab
        "model: [lstm\n",  # unclosed
        "model:\n  arch: lstm\n  lr 0.1\n  x: 1\n",  # a line without ':'
        "- just\n- a list\n",  # not a mapping
        "a: 1\n---\nb: 2\n",  # two documents
    ],
)
def test_other_syntax_errors_have_a_line_and_a_short_reason(text: str) -> None:
    with pytest.raises(ConfigError) as info:
        load(text)
    err = info.value
    assert err.code == "syntax" and err.lines and all(n >= 1 for n in err.lines)
    for message in (err.message.en, err.message.ko):
        assert str(err.lines[0]) in message
        for fragment in ("Traceback", "Error", "ruamel", "while scanning", "<stream"):
            assert fragment not in message
    assert read_option(text, "arch") is None


def test_empty_and_comment_only_configs_are_empty() -> None:
    assert load("") == {}
    assert load("# nothing yet\n") == {}
    assert read_option("", "lr") is None
    assert read_option(None, "lr") is None


# --- reading ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", CONFIG_NAMES)
def test_read_option_agrees_with_the_old_regex_on_every_template_config(
    project: Path, name: str
) -> None:
    text = rendered(project, name)
    tree = load(text)
    for key in re.findall(r"^\s*(\w+):[ \t]*[^\s#]", text, flags=re.MULTILINE):
        want = old_read_option(text, key)
        if want and want[0] in "'\"":  # quoted: the parsed value has no quotes
            want = want[1:-1]
        assert read_option(text, key) == want, key
        if want != "null":  # find_option gives None for a null as for an absent key
            assert find_option(tree, key) is not None


def test_read_option_string_forms() -> None:
    text = (
        "a: 0.10\nb: 1e-3\nc: true\nd: False\ne: 128\nf: 'quoted'\ng: null\nh:\n  i: 1\nj: [1, 2]\n"
    )
    got = {key: read_option(text, key) for key in "abcdefghij"}
    assert got == {
        "a": "0.10",  # as written, as the exercises compare it
        "b": "1e-3",
        "c": "true",
        "d": "false",
        "e": "128",
        "f": "quoted",
        "g": "null",
        "h": None,  # not a scalar
        "i": "1",
        "j": None,
    }
    assert read_option(text, "missing") is None


def test_find_option_is_depth_first_in_document_order() -> None:
    tree = load("model:\n  init_args:\n    lr: 0.1\ndata:\n  init_args:\n    lr: 0.2\nlr: 0.3\n")
    assert float(find_option(tree, "lr")) == 0.1  # type: ignore[arg-type]
    assert find_option(tree, "missing") is None
    assert find_option(load("a:\n  - b: 1\n  - c: 2\n"), "c") == 2


# --- editing ------------------------------------------------------------------------


@pytest.mark.parametrize(("key", "value"), EDITS)
def test_set_option_writes_exactly_the_old_bytes(
    tmp_path: Path, project: Path, key: str, value: str
) -> None:
    for name in ("default.yaml", *SHAPES):
        text = rendered(project, name)
        if old_read_option(text, key) is None:
            continue
        old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
        old.write_text(text, encoding="utf-8")
        new.write_text(text, encoding="utf-8")
        old_set_option(old, key, value)
        configs.set_option(new, key, value)
        assert new.read_bytes() == old.read_bytes(), (name, key, value)
        assert read_option(new.read_text(encoding="utf-8"), key) == value


def test_set_option_sequences_match_the_old_bytes(tmp_path: Path, default: str) -> None:
    """Several edits in a row, as a scripted history makes them."""
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(default, encoding="utf-8")
    new.write_text(default, encoding="utf-8")
    for key, value in EDITS:
        old_set_option(old, key, value)
        configs.set_option(new, key, value)
        assert new.read_bytes() == old.read_bytes(), (key, value)


def test_set_option_keeps_comments_order_quotes_and_indentation(tmp_path: Path) -> None:
    text = (
        "# top comment\n"
        "model:\n"
        "    init_args:   # four-space indent\n"
        "        arch: lstm   # which network\n"
        "        name: 'quoted'\n"
        "        tags:\n"
        "          - a\n"
        "          - b\n"
        "trainer:\n"
        "    max_epochs: 10\n"
    )
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    configs.set_option(path, "arch", "gru")
    configs.set_option(path, "max_epochs", "20")
    assert path.read_text(encoding="utf-8") == (
        text.replace("arch: lstm ", "arch: gru  ").replace("max_epochs: 10", "max_epochs: 20")
    )


def test_set_option_refuses_a_missing_key_and_a_broken_config(
    tmp_path: Path, default: str, stash_pop: str
) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(default, encoding="utf-8")
    with pytest.raises(LookupError):
        configs.set_option(path, "no_such_option", "1")
    path.write_text(stash_pop, encoding="utf-8")
    with pytest.raises(ConfigError):
        configs.set_option(path, "hidden_size", "128")
    assert path.read_text(encoding="utf-8") == stash_pop


def test_scripting_keeps_the_old_names(default: str, stash_pop: str) -> None:
    from mergecamp import scripting

    assert scripting.read_option(default, "arch") == "lstm"
    assert scripting.read_option(stash_pop, "arch") is None


# --- for the invariants -------------------------------------------------------------


def test_config_problems_only_yaml_files_with_their_path(default: str, stash_pop: str) -> None:
    dup = "a: 1\na: 2\n"
    problems = config_problems(
        {
            "configs/default.yaml": stash_pop,
            ".github/workflows/ci.yml": dup,
            "configs/ok.yaml": default,
            "list.yaml": "- 1\n- 2\n",  # any YAML document is fine here
            "gone.yaml": None,
            "src/model.py": dup,
        }
    )
    assert [(p.path, p.code) for p in problems] == [
        (".github/workflows/ci.yml", "duplicate-key"),
        ("configs/default.yaml", "syntax"),
    ]


# --- the messages -------------------------------------------------------------------


def _errors(stash_pop: str) -> list[ConfigError]:
    texts = [
        "a: 1\na: 2\n",
        "a: 1\na: 2\na: 3\n",
        "m:\n  k: 1\n  k: 2\n",
        stash_pop,
        "x:\n  a: 1\n   b: 2\n",
        "a:\n\tb: 1\n",
        "a: [1\n",
        "a: *nowhere\n",
        "- 1\n",
    ]
    errors = []
    for text in texts:
        with pytest.raises(ConfigError) as info:
            load(text)
        errors.append(info.value)
    return errors


def test_both_languages_have_the_same_fields_and_code_spans(stash_pop: str) -> None:
    for template in configs.MESSAGES:
        assert sorted(FIELD.findall(template.en)) == sorted(FIELD.findall(template.ko)), template
        assert sorted(CODE.findall(template.en)) == sorted(CODE.findall(template.ko)), template
    for err in _errors(stash_pop):
        message = err.message
        assert sorted(CODE.findall(message.en)) == sorted(CODE.findall(message.ko)), message
        assert not FIELD.findall(message.en) and not FIELD.findall(message.ko)
        assert re.search(r"[\uac00-\ud7a3]", message.ko)
        assert message.ko.rstrip().endswith(("요", "세요", ")")), message.ko
        for number in err.lines:
            assert str(number) in message.en and str(number) in message.ko


def test_a_hostile_key_cannot_break_the_message() -> None:
    with pytest.raises(ConfigError) as info:
        load('"a`b\\x1b[31m": 1\n"a`b\\x1b[31m": 2\n')
    message = info.value.message
    assert "\x1b" not in message.en and len(CODE.findall(message.en)) == 2


def test_a_resolution_keeping_both_lines_fails_naming_the_duplicate(started) -> None:
    """merge-conflict / sync-experiment / finish-experiment judge the resolution with
    ``predicates.both_sides``: a config with both `activation` lines fails there, saying why."""
    from mergecamp import predicates, tracks
    from mergecamp.judge import Judge

    from tests.sandbox.conftest import sh

    exercise = tracks.load("merge-conflict")
    scene = started(exercise.id)
    # The learner's resolution: both sides' `activation` lines kept (a listed wrong answer).
    sh(
        next(w.run for w in exercise.wrong_answers if w.what == "keep-both-activation-lines"),
        scene.root,
    )
    judge = Judge(scene, exercise, step="resolution")
    since = judge.start("refs/heads/exp/swish")
    result = predicates.both_sides(
        judge, "exp/swish", since, {"activation": "swish"}, {"dropout": "0.1"}
    )
    assert not result.passed
    assert result.code == "config-unparsed"
    assert "`activation` appears twice" in result.message.en
    assert "`activation` 키가" in result.message.ko


def test_an_unreadable_config_is_explained_in_each_language(started) -> None:
    """``predicates.option_is`` on a config with a duplicate key: the reason comes in the
    learner's language, not English inside a Korean sentence."""
    from mergecamp import engine

    from tests.sandbox.conftest import sh

    scene = started("experiment-branch")
    sh(
        "git switch -q -c exp/gru && printf 'model: {}\\n' >> configs/default.yaml && "
        "git commit -qam 'feat(model): gru'",
        scene.root,
    )
    report = engine.run_check(scene)
    step = next(s for s in report.steps if s.code == "config-unreadable")
    assert "`model` appears twice" in step.message.en
    assert "`model`" in step.message.ko and "appears" not in step.message.ko


# --- the network's options (model.init_args.net.init_args) ---------------------------


def test_a_network_option_written_in_the_old_place_is_not_the_networks(default: str) -> None:
    """`arch: gru` under model.init_args (the layout before the network had a class_path
    of its own) comes first in the file, but the project builds the network from
    model.init_args.net.init_args: read_option reads that one, misplaced names the stray."""
    stray = default.replace(
        "  init_args:\n    net:\n", "  init_args:\n    arch: gru\n    net:\n", 1
    )
    assert old_read_option(stray, "arch") == "gru"  # what a first-line reading believed
    assert read_option(stray, "arch") == "lstm"
    assert configs.misplaced(stray, "arch") == "model.init_args.arch"
    assert configs.misplaced(default, "arch") is None
    assert configs.misplaced(default, "lr") is None  # the module's own option
    assert configs.misplaced(stash_pop_of(default), "arch") is None  # unparsed: no verdict


def test_network_names_the_network_as_configs_model_does(tmp_path: Path, project: Path) -> None:
    path = tmp_path / "default.yaml"
    path.write_text(rendered(project, "default.yaml"), encoding="utf-8")
    assert configs.network(path.read_text(encoding="utf-8")) == "lstm"
    configs.set_option(path, "arch", "gru")
    assert configs.network(path.read_text(encoding="utf-8")) == "gru"
    for name in ("transformer", "conv1d"):
        source = project / "configs" / "model" / f"{name}.yaml"
        configs.copy_section(path, ("model", "init_args", "net"), source)
        text = path.read_text(encoding="utf-8")
        assert configs.network(text) == name
        assert (
            load(text)["model"]["init_args"]["net"]
            == load(source.read_text())["model"]["init_args"]["net"]
        )
        assert read_option(text, "lr") == "0.003"  # the rest of the file as it was
    assert configs.network("trainer:\n  max_epochs: 1\n") is None
    with pytest.raises(LookupError):
        configs.copy_section(path, ("model", "init_args", "nope"), source)
