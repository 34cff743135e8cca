"""``mergecamp`` command line: ``main`` plus the subcommands registered by each module."""

# Importing a module registers its commands on `main`; the other command modules are
# imported on demand (``mergecamp.cli.app.LAZY_MODULES``) to keep start-up lean.
from mergecamp.cli import exercise_cmds  # noqa: F401
from mergecamp.cli.app import main

__all__ = ["main"]
