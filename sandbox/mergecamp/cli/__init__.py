"""``mergecamp`` command line: ``main`` plus the subcommands registered by each module."""

# Importing a module registers its commands on `main`.
from mergecamp.cli import exercise_cmds, graph_cmd, onboard_cmds, pr_cmds  # noqa: F401
from mergecamp.cli.app import main

__all__ = ["main"]
