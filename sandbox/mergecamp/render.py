"""Render the project template once per template version and reuse it.

Every exercise starts from a real project baked from ``template/``. Baking costs far
more than copying, so the rendered project is cached in
``<workspace>/.mergecamp/cache/<hash>-<model>-<task>/`` where ``<hash>`` covers every
file of the template: edit the template and the next ``start`` renders afresh.

Cookiecutter is told to read and write nothing outside the workspace: it reads no user
config at all, and its replay files and clone folder point into ``<workspace>/.mergecamp/``
(a user's ``~/.cookiecutterrc`` default_context would otherwise change the files, and so
the exercise's commit hashes).
"""

from __future__ import annotations

import os
from pathlib import Path

from mergecamp.paths import project_template

PROJECT_SLUG = "sequence-lab"
PACKAGE = "sequence_lab"

_SKIP_DIRS = {"__pycache__", ".pytest_cache", ".ruff_cache", ".mypy_cache"}


def template_hash(template: Path | None = None) -> str:
    """A short digest of the template's files (names, modes and contents)."""
    import hashlib  # here, not at the top: `check` imports this module and never hashes

    root = template or project_template()
    digest = hashlib.sha256()
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in _SKIP_DIRS)
        for name in sorted(filenames):
            if name.endswith(".pyc"):
                continue
            path = Path(dirpath, name)
            rel = path.relative_to(root).as_posix()
            digest.update(rel.encode() + b"\0")
            digest.update(b"x" if os.access(path, os.X_OK) else b"-")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def rendered_project(workspace: Path, model: str = "lstm", task: str = "adding") -> Path:
    """The path of the rendered project for ``model`` × ``task``, rendering it if needed.

    Rendering happens in a scratch folder and is moved into the cache in one rename,
    so two processes never see a half-rendered project.
    """
    state = workspace / ".mergecamp"
    cache = state / "cache" / f"{template_hash()}-{model}-{task}"
    project = cache / PROJECT_SLUG
    if project.is_dir():
        return project
    (state / "cache").mkdir(parents=True, exist_ok=True)
    import shutil  # here: exercise modules import this one, and `check` imports them
    import tempfile

    scratch = Path(tempfile.mkdtemp(prefix="render-", dir=state / "cache"))
    try:
        _bake(scratch, state, model, task)
        try:
            os.replace(scratch, cache)
        except OSError:
            if not project.is_dir():  # another process won the race only if it is there
                raise
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return project


def _bake(out: Path, state: Path, model: str, task: str) -> None:
    from cookiecutter.main import cookiecutter

    # The settings go in as a dict, not a config file: cookiecutter then reads no file
    # (~/.cookiecutterrc, $COOKIECUTTER_CONFIG) and expands no `~` or `$VAR` in these
    # paths, so they stay inside the workspace whatever characters its path holds.
    settings = {
        "cookiecutters_dir": str(state / "cookiecutters"),
        "replay_dir": str(state / "replay"),
        "default_context": {},
    }
    cookiecutter(
        str(project_template()),
        no_input=True,
        output_dir=str(out),
        default_config=settings,
        extra_context={"init_git": "no", "model": model, "task": task},
    )
    if not (out / PROJECT_SLUG).is_dir():
        raise RuntimeError(f"the template did not produce {PROJECT_SLUG}/ in {out}")
