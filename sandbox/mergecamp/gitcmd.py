"""Run git as a subprocess with an environment that cannot leak into the wrong repository.

mergecamp runs inside git hooks (the exercise repos' progress hooks, teammates pushing
from the learner's push), where git exports ``GIT_DIR`` and friends; a child git that
inherited them would act on the learner's repository instead of the one asked for.
Every git subprocess mergecamp starts takes its environment from :func:`clean_env`,
most through :func:`git`.

Exercise set-up runs inside :func:`isolated` (``engine.start`` wraps it): the learner's
own git configuration must neither break a build nor change what it builds. A global
``tag.gpgsign`` would open an editor and hang, a global ``core.hooksPath`` would run the
learner's hooks on mergecamp's scripted commits, a global ``init.templateDir`` would copy
them into every new repository. Inside :func:`isolated`, ``os.environ`` (which GitPython
reads on every call) and therefore every git subprocess gets:

- ``GIT_CONFIG_NOSYSTEM=1`` and ``GIT_CONFIG_GLOBAL=/dev/null``: no system, global or
  XDG config file is read;
- ``GIT_CONFIG_PARAMETERS``, ``GIT_CONFIG``, ``GIT_TEMPLATE_DIR`` removed;
- the fixed options of :data:`SETUP_CONFIG` through ``GIT_CONFIG_COUNT`` /
  ``GIT_CONFIG_KEY_<n>`` / ``GIT_CONFIG_VALUE_<n>`` (command-line scope: they win over
  every config file, so they hold nothing a repository sets for itself)::

      commit.gpgSign=false          no signing, no gpg, no pinentry
      tag.gpgSign=false             (a lightweight `git tag` stays lightweight)
      tag.forceSignAnnotated=false
      push.gpgSign=false
      init.defaultBranch=main       every new repository starts on main
      core.editor=true              any editor git would open accepts and returns
      sequence.editor=true

The learner's own later git commands use their normal configuration (identity, editor);
exercise repositories pin ``core.hooksPath`` to their own hooks folder in their local
config (``engine``), so their hooks run whatever the learner's global config says.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

# Variables a hook's environment may carry that tie git to one repository.
_REPO_BOUND = (
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_PREFIX",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_QUARANTINE_PATH",
    "GIT_COMMON_DIR",
    "GIT_NAMESPACE",
    "GIT_EDITOR",
    "GIT_SEQUENCE_EDITOR",
)


# Set-up's fixed git options (see the module docstring), in this order.
SETUP_CONFIG: tuple[tuple[str, str], ...] = (
    ("commit.gpgSign", "false"),
    ("tag.gpgSign", "false"),
    ("tag.forceSignAnnotated", "false"),
    ("push.gpgSign", "false"),
    ("init.defaultBranch", "main"),
    ("core.editor", "true"),
    ("sequence.editor", "true"),
)

# Variables that bring configuration from outside into a git command.
_CONFIG_FROM_OUTSIDE = ("GIT_CONFIG_PARAMETERS", "GIT_CONFIG", "GIT_TEMPLATE_DIR")


class GitFailed(RuntimeError):
    """A git command exited non-zero; ``stderr`` keeps git's own words."""

    def __init__(self, args: tuple[str, ...], returncode: int, stderr: str) -> None:
        super().__init__(f"git {' '.join(args)} failed ({returncode}): {stderr.strip()}")
        self.returncode = returncode
        self.stderr = stderr


def clean_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """``os.environ`` without repository-binding variables, plus ``extra``."""
    env = {k: v for k, v in os.environ.items() if k not in _REPO_BOUND}
    env["GIT_TERMINAL_PROMPT"] = "0"
    if extra:
        env.update(extra)
    return env


def git(
    cwd: Path,
    *args: str,
    env: Mapping[str, str] | None = None,
    input: str | None = None,
    check: bool = True,
) -> str:
    """Run ``git args`` in ``cwd``; return stdout stripped of its last newline."""
    proc = subprocess.run(
        ["git", *args],
        cwd=cwd,
        env=clean_env(env),
        input=input,
        capture_output=True,
        text=True,
    )
    if check and proc.returncode != 0:
        raise GitFailed(args, proc.returncode, proc.stderr)
    return proc.stdout.rstrip("\n")


def ok(cwd: Path, *args: str) -> bool:
    """Whether ``git args`` succeeds (for questions such as ``merge-base --is-ancestor``)."""
    return (
        subprocess.run(
            ["git", *args], cwd=cwd, env=clean_env(), capture_output=True, text=True
        ).returncode
        == 0
    )


def isolated_env() -> dict[str, str]:
    """The variables :func:`isolated` sets (``""`` means: removed)."""
    env = {name: "" for name in _CONFIG_FROM_OUTSIDE}
    env["GIT_CONFIG_NOSYSTEM"] = "1"
    env["GIT_CONFIG_GLOBAL"] = os.devnull
    env["GIT_CONFIG_COUNT"] = str(len(SETUP_CONFIG))
    for i, (key, value) in enumerate(SETUP_CONFIG):
        env[f"GIT_CONFIG_KEY_{i}"] = key
        env[f"GIT_CONFIG_VALUE_{i}"] = value
    return env


@contextmanager
def isolated() -> Iterator[None]:
    """Run the block with git kept away from the user's system and global config.

    Applied to ``os.environ`` (and restored after), so that GitPython's commands and
    :func:`git` alike see it; mergecamp is single-threaded.
    """
    saved = {name: os.environ.get(name) for name in isolated_env()}
    try:
        for name, value in isolated_env().items():
            if value:
                os.environ[name] = value
            else:
                os.environ.pop(name, None)
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
