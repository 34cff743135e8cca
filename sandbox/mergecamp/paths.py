"""Where mergecamp finds its template and keeps its workspace."""

from __future__ import annotations

import os
import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def template_root() -> Path:
    """The folder holding the root cookiecutter.json menu and template/.

    An installed wheel carries it as package data (``mergecamp/_template``); an
    editable checkout reads the repository itself, two levels up.
    """
    packaged = _PACKAGE_DIR / "_template"
    if (packaged / "template" / "cookiecutter.json").is_file():
        return packaged
    checkout = _PACKAGE_DIR.parents[1]
    if (checkout / "template" / "cookiecutter.json").is_file():
        return checkout
    raise FileNotFoundError("mergecamp's project template is missing from this installation")


def project_template() -> Path:
    """The cookiecutter project template itself (the folder with the generation hooks)."""
    return template_root() / "template"


def default_workspace() -> Path:
    """``$MERGECAMP_HOME`` if set, else ``~/mergecamp``: where exercise repositories are built."""
    env = os.environ.get("MERGECAMP_HOME")
    return Path(env).expanduser() if env else Path.home() / "mergecamp"


# The workspace named with ``--workspace`` (or found from an exercise's marker when it is
# not the default one): mergecamp then keeps the learner's progress inside it too. Kept in
# the running click command's context, so it never outlives the command (nor leaks from
# one invocation to the next in the same process).
_META_KEY = "mergecamp.explicit_workspace"


def use_workspace(workspace: Path | None) -> None:
    """Say which workspace this command works in explicitly (None: the default one)."""
    global _outside_click
    ctx = _click_context()
    if ctx is not None:
        ctx.meta[_META_KEY] = workspace
    else:  # a process of its own (the hooks' progress line): one command, one value
        _outside_click = workspace


def explicit_workspace() -> Path | None:
    """The workspace given with ``--workspace`` for the running command, if any."""
    ctx = _click_context()
    return _outside_click if ctx is None else ctx.meta.get(_META_KEY)


_outside_click: Path | None = None


def follow_workspace(workspace: Path) -> None:
    """Keep progress in an exercise's own workspace when that is not the default one
    (its marker names it), as ``--workspace`` does."""
    if workspace == explicit_workspace():
        return
    use_workspace(None if workspace == default_workspace().resolve() else workspace)


def _click_context():  # type: ignore[no-untyped-def]
    """The running click command's context; None outside one. Never imports click: the
    hooks' progress line runs without it (its import alone costs ~40 ms)."""
    click = sys.modules.get("click")
    return None if click is None else click.get_current_context(silent=True)
