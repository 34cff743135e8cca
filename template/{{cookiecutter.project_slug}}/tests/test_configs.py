"""configs/default.yaml is configs/data/{{ cookiecutter.task }}.yaml and
configs/model/{{ cookiecutter.model }}.yaml written out in one file: as the project comes
from the template, both give the same run, so the one-command start and the composed
configs cannot drift apart.

It is marked slow to keep it out of ``pytest -m "not slow"`` (CI, and the git exercises
that edit default.yaml and then expect the fast tests to pass): once your team changes
default.yaml on purpose, the two are meant to differ.
"""

from __future__ import annotations

import pytest
import torch

from .conftest import CONFIGS, configs

MODEL, TASK = {{ cookiecutter.model | py_str }}, {{ cookiecutter.task | py_str }}
NET = ("model", "init_args", "net", "init_args")
DRIFTED = (
    f"configs/default.yaml differs from configs/data/{TASK}.yaml + configs/model/{MODEL}.yaml "
    "here: if you changed default.yaml on purpose, carry the change into those files (or "
    "drop this test)"
)


def flat(section: dict, prefix: tuple[str, ...] = ()) -> dict[tuple[str, ...], object]:
    """``{("model", "init_args", "lr"): 0.003, …}``: every value with its path."""
    items: dict[tuple[str, ...], object] = {}
    for key, value in section.items():
        if isinstance(value, dict) and value:
            items.update(flat(value, (*prefix, key)))
        else:
            items[(*prefix, key)] = value
    return items


def parsed(cli) -> dict[tuple[str, ...], object]:
    """The fit config, without what differs by design: the files given and the run name
    taken from them (runs.run_name)."""
    values = flat(cli.config["fit"].as_dict())
    values.pop(("config",))
    values.pop(("trainer", "logger", "init_args", "name"))
    return values


@pytest.mark.slow  # see the module's docstring: a check of the fresh project
def test_the_default_config_is_its_task_and_network_composed(build_cli):
    one_file, _ = build_cli("fit", "--config", str(CONFIGS / "default.yaml"))
    composed, _ = build_cli("fit", *configs(MODEL, TASK))
    written, combined = parsed(one_file), parsed(composed)
    assert written.keys() == combined.keys()
    network = getattr(composed.model.net, "body", composed.model.net)
    for key, value in written.items():
        if key[:-1] == NET and combined[key] is None and value is not None:
            # The network-only file leaves it to the task (readout, pool_size); the one
            # file names the value the network then picks.
            assert getattr(network, key[-1]) == value, (key, DRIFTED)
        else:
            assert combined[key] == value, (key, DRIFTED)
    # The same seed and the same network: the very same starting weights.
    assert type(one_file.model) is type(composed.model)
    mine, theirs = one_file.model.state_dict(), composed.model.state_dict()
    assert mine.keys() == theirs.keys()
    assert all(torch.equal(mine[name], theirs[name]) for name in mine)
