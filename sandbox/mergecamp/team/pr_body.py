"""The PR body: the project's own PR template, and whether its sections are filled.

A forge pre-fills a new PR with ``.github/pull_request_template.md``; mergecamp does the
same from the branch's head. An experiment PR (``exp`` branch or title) must say what
the experiment showed: the template's results section, with something in it besides
the template's own ``<!-- hint -->``.
"""

from __future__ import annotations

import re

TEMPLATE_PATHS = (
    ".github/pull_request_template.md",
    ".github/PULL_REQUEST_TEMPLATE.md",
    "docs/pull_request_template.md",
    "pull_request_template.md",
)
# the results heading of the template, in either language it is generated in
_RESULTS = re.compile(r"^#+\s*(experiment results?|실험 결과)", re.IGNORECASE)
_HEADING = re.compile(r"^#+\s")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def is_experiment(branch: str, title: str) -> bool:
    return branch.startswith("exp/") or bool(re.match(r"^exp(\(|!|:)", title.strip()))


def results_section(body: str) -> str | None:
    """The text under the results heading, comments removed (``None``: no such heading)."""
    lines = _COMMENT.sub("", body).splitlines()
    for i, line in enumerate(lines):
        if _RESULTS.match(line.strip()):
            section = []
            for rest in lines[i + 1 :]:
                if _HEADING.match(rest.strip()):
                    break
                section.append(rest)
            return "\n".join(section).strip()
    return None


def results_missing(body: str) -> bool:
    """True when the body has no results, or only the empty template section."""
    section = results_section(body)
    return not section
