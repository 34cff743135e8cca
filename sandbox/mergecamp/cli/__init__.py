"""``mergecamp`` command line: ``main`` plus the subcommands registered by each module."""

from mergecamp.cli.app import main

# Importing a module registers its commands on `main`.
from mergecamp.cli import exercise_cmds, graph_cmd, onboard_cmds, pr_cmds  # noqa: E402,F401

__all__ = ["main"]
