"""Reject names that would make a broken project, before cookiecutter writes anything.

Each problem is one sentence on stderr and a non-zero exit; cookiecutter then removes
whatever it had started.
"""

import keyword
import sys

PROJECT_NAME = {{ cookiecutter.project_name | tojson }}
PROJECT_SLUG = {{ cookiecutter.project_slug | tojson }}
PACKAGE_NAME = {{ cookiecutter.package_name | tojson }}

# What the generated project imports besides the standard library (every name in
# sys.stdlib_module_names is refused too), and names pytest itself relies on.
SHADOWED = {
    "torch", "lightning", "pytorch_lightning", "lightning_fabric", "torchmetrics",
    "jsonargparse", "sklearn", "numpy", "yaml", "pytest", "conftest", "test", "tests",
    "setuptools", "pip",
}


def problem() -> str | None:
    if not PROJECT_NAME.strip():
        return "The project name is empty: set project_name, e.g. project_name='Sequence Lab'."
    if not PROJECT_SLUG.strip() or PROJECT_SLUG.strip(".-_ ") == "":
        return (
            f"The project name {PROJECT_NAME!r} gives an empty folder name: set "
            "project_slug, e.g. project_slug=sequence-lab."
        )
    if "/" in PROJECT_SLUG or "\\" in PROJECT_SLUG:
        return f"The folder name {PROJECT_SLUG!r} contains a path separator: use letters, digits and '-'."
    if not PACKAGE_NAME:
        return "The package name is empty: set package_name, e.g. package_name=sequence_lab."
    if not PACKAGE_NAME.isidentifier() or not PACKAGE_NAME.isascii():
        return (
            f"The package name {PACKAGE_NAME!r} is not a Python identifier (ASCII letters, "
            "digits and '_', not starting with a digit): set package_name, e.g. "
            "package_name=sequence_lab."
        )
    if keyword.iskeyword(PACKAGE_NAME) or keyword.issoftkeyword(PACKAGE_NAME):
        return (
            f"The package name {PACKAGE_NAME!r} is a Python keyword, so `import "
            f"{PACKAGE_NAME}` cannot work: set package_name, e.g. package_name={PACKAGE_NAME}_lab."
        )
    if PACKAGE_NAME.lower() in SHADOWED or PACKAGE_NAME.lower() in sys.stdlib_module_names:
        return (
            f"The package name {PACKAGE_NAME!r} would hide the module of the same name that "
            f"the project imports: set package_name, e.g. package_name=my_{PACKAGE_NAME}."
        )
    return None


if __name__ == "__main__":
    message = problem()
    if message:
        print(message, file=sys.stderr)
        sys.exit(1)
