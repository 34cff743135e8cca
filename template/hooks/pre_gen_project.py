"""Refuse answers that would make a broken or unsafe project, before anything is written.

Each problem is one sentence on stderr that names the variable, and a non-zero exit;
cookiecutter then removes the folder it had started.

The answers arrive as JSON text inside a Python string literal (the ``py_str`` filter of
template/mergecamp_jinja.py): no answer can close that literal and become code here.
Answers from a replay file or cruft never met a prompt, so every one is checked, the
choices too. (Answers that hold Jinja tags are refused earlier, by mergecamp_jinja.)
"""

from __future__ import annotations

import json
import keyword
import re
import shutil
import subprocess
import sys
import unicodedata

ANSWERS: dict[str, object] = json.loads({{ cookiecutter | jsonify | py_str }})
# [name, choices or None] in the order cookiecutter asks, so that a long project name is
# reported as itself rather than as the folder name made from it.
QUESTIONS: list[list] = json.loads({{ template_questions | jsonify | py_str }})

MAX_LENGTH = 200
# A pip requirement may be a long URL or path to a wheel.
MAX_LENGTH_OF = {"hooks_requirement": 1000}
# Spelled in two halves so that Jinja, which renders this file first, sees no tags here.
TEMPLATE_MARKERS = ("{" + "{", "{" + "%", "{" + "#")
# Bidirectional controls show text in another order than it is stored ("Trojan source").
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
LINE_BREAKING = frozenset({"Cc", "Cs", "Zl", "Zp"})  # controls, surrogates, separators

# A Python distribution name (PEP 508): the folder, the pyproject name and the command.
DISTRIBUTION_NAME = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?")
# Branch names stay this plain: they appear in YAML, shell words and Markdown code spans.
BRANCH_NAME = re.compile(r"[A-Za-z0-9._/-]+")
EMAIL = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")

# What the generated project imports besides the standard library (every name in
# sys.stdlib_module_names is refused too), and names pytest itself relies on.
SHADOWED = {
    "torch", "lightning", "pytorch_lightning", "lightning_fabric", "torchmetrics",
    "jsonargparse", "sklearn", "numpy", "yaml", "pytest", "conftest", "test", "tests",
    "setuptools", "pip",
}


def choice_problem(name: str, value: object, options: list[str]) -> str | None:
    if value in options:
        return None
    return (
        f"{name} is {value!r}, which is not one of its choices ({', '.join(options)}): "
        f"set {name}, e.g. {name}={options[0]}."
    )


def text_problem(name: str, value: object) -> str | None:
    """Shape rules for every answer that is not a choice: one line of plain text."""
    if not isinstance(value, str):
        return f"{name} is {type(value).__name__}, not text: set {name} to a string."
    limit = MAX_LENGTH_OF.get(name, MAX_LENGTH)
    if len(value) > limit:
        return f"{name} is {len(value)} characters long: set {name} to at most {limit}."
    for char in value:
        if unicodedata.category(char) in LINE_BREAKING or char in BIDI_CONTROLS:
            return (
                f"{name} contains a line break or control character (U+{ord(char):04X}): "
                f"set {name} to one line of plain text."
            )
    for marker in TEMPLATE_MARKERS:
        if marker in value:
            return (
                f"{name} contains {marker!r}, which is template syntax: set {name} without "
                f"{', '.join(repr(m) for m in TEMPLATE_MARKERS)}."
            )
    return None


def names_problem(project_name: str, slug: str, package: str) -> str | None:
    if not project_name.strip():
        return "The project name is empty: set project_name, e.g. project_name='Sequence Lab'."
    if not slug.strip() or slug.strip(".-_ ") == "":
        return (
            f"The project name {project_name!r} gives an empty folder name: set "
            "project_slug, e.g. project_slug=sequence-lab."
        )
    if "/" in slug or "\\" in slug:
        return (
            f"The folder name {slug!r} contains a path separator: set project_slug, e.g. "
            "project_slug=sequence-lab."
        )
    if not DISTRIBUTION_NAME.fullmatch(slug):
        return (
            f"The folder name {slug!r} is not a Python project name (ASCII letters, digits, "
            "'-', '_' and '.', starting and ending with a letter or digit): set "
            "project_slug, e.g. project_slug=sequence-lab."
        )
    if not package:
        return "The package name is empty: set package_name, e.g. package_name=sequence_lab."
    if not package.isidentifier() or not package.isascii():
        return (
            f"The package name {package!r} is not a Python identifier (ASCII letters, "
            "digits and '_', not starting with a digit): set package_name, e.g. "
            "package_name=sequence_lab."
        )
    if keyword.iskeyword(package) or keyword.issoftkeyword(package):
        return (
            f"The package name {package!r} is a Python keyword, so `import "
            f"{package}` cannot work: set package_name, e.g. package_name={package}_lab."
        )
    if package.lower() in SHADOWED or package.lower() in sys.stdlib_module_names:
        return (
            f"The package name {package!r} would hide the module of the same name that "
            f"the project imports: set package_name, e.g. package_name=my_{package}."
        )
    return None


def git_accepts_branch(branch: str) -> bool:
    """The rules of `git check-ref-format --branch`, and git's own verdict where git is."""
    if branch in ("HEAD", "@") or branch.startswith("-") or ".." in branch:
        return False
    if branch.endswith((".", "/")) or any(
        not part or part.startswith(".") or part.endswith(".lock") for part in branch.split("/")
    ):
        return False
    if shutil.which("git") is None:  # post_gen_project says how to start git later
        return True
    verdict = subprocess.run(
        ["git", "check-ref-format", "--branch", branch], capture_output=True, text=True
    )
    return verdict.returncode == 0


def branch_problem(branch: str) -> str | None:
    fix = "set default_branch, e.g. default_branch=main."
    if not branch:
        return f"The default branch is empty: {fix}"
    if any(char.isspace() for char in branch):
        return f"The default branch {branch!r} contains a space, which git refuses: {fix}"
    if not BRANCH_NAME.fullmatch(branch) or not git_accepts_branch(branch):
        return (
            f"The default branch {branch!r} is not a branch name git accepts (ASCII letters, "
            f"digits, '.', '_', '-' and '/', no '..', not starting with '-' or '.'): {fix}"
        )
    return None


def people_problem(author: str, email: str) -> str | None:
    if not author.strip():
        return "The author name is empty: set author_name, e.g. author_name='Kim Minji'."
    if not EMAIL.fullmatch(email):
        return (
            f"The author email {email!r} does not look like an email address: set "
            "author_email, e.g. author_email=you@example.com."
        )
    return None


def requirement_problem(requirement: str) -> str | None:
    if not requirement.strip():
        return (
            "The hooks requirement is empty, so pre-commit cannot install the team's hooks: "
            "set hooks_requirement, e.g. hooks_requirement=mergecamp==0.1.0."
        )
    if requirement.lstrip().startswith("-"):
        return (
            f"The hooks requirement {requirement!r} starts with '-', so pip would read it as "
            "an option: set hooks_requirement, e.g. hooks_requirement=mergecamp==0.1.0."
        )
    return None


def answer(name: str) -> str:
    """A free-text answer; text_problem has made sure that every one is a string."""
    return str(ANSWERS.get(name, ""))


def problem() -> str | None:
    """The first problem with the answers, or None when the project can be made."""
    for name, options in QUESTIONS:
        value = ANSWERS.get(name)
        message = choice_problem(name, value, options) if options else text_problem(name, value)
        if message:
            return message
    return (
        names_problem(answer("project_name"), answer("project_slug"), answer("package_name"))
        or people_problem(answer("author_name"), answer("author_email"))
        or branch_problem(answer("default_branch"))
        or requirement_problem(answer("hooks_requirement"))
    )


if __name__ == "__main__":
    message = problem()
    if message:
        print(message, file=sys.stderr)
        sys.exit(1)
