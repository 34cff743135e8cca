"""pre_gen_project refuses names that would break the project, in one sentence, writing nothing."""

from __future__ import annotations

import pytest
from cookiecutter.exceptions import FailedHookException
from template_baking import bake

REFUSALS = [
    ({"package_name": "my-lab"}, "is not a Python identifier"),
    ({"package_name": "2lab"}, "is not a Python identifier"),
    ({"package_name": "class"}, "is a Python keyword"),
    ({"package_name": "torch"}, "would hide the module"),
    ({"package_name": "lightning"}, "would hide the module"),
    ({"package_name": "test"}, "would hide the module"),
    ({"package_name": "tests"}, "would hide the module"),
    ({"package_name": "sklearn"}, "would hide the module"),
    ({"package_name": "typing"}, "would hide the module"),
    ({"project_name": ""}, "The project name is empty"),
    ({"project_slug": "---"}, "empty folder name"),
]


@pytest.mark.parametrize("context,reason", REFUSALS, ids=lambda v: str(v)[:30])
def test_bad_input_is_refused_and_nothing_is_written(tmp_path, capfd, context, reason):
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(FailedHookException):
        bake(out, **context)
    assert list(out.iterdir()) == []
    message = capfd.readouterr().err.strip().splitlines()
    assert len(message) == 1 and reason in message[0]
    assert "set " in message[0]  # it says what to change


def test_a_good_custom_package_name_is_accepted(tmp_path):
    project = bake(tmp_path, project_name="Weather Lab", package_name="weather_rnn")
    assert project.name == "weather-lab"
    assert (project / "src" / "weather_rnn" / "__main__.py").is_file()
