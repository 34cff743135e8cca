"""Git hooks that teach a team's branch, commit and artifact conventions (stdlib only).

Not cookiecutter's generation hooks (those live in template/hooks/): these run in git,
directly or through pre-commit (see .pre-commit-hooks.yaml at the repository root).
"""

__version__ = "0.1.0"
