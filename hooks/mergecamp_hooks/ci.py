"""Which branch a CI job is checking, read from the CI's own variables.

In CI the checkout is often a detached merge commit or the default branch itself, so
HEAD says nothing about the pull request's branch. These variables do.
"""

from __future__ import annotations

from collections.abc import Mapping

_TRUE = {"1", "true", "yes"}


def ci_branch(env: Mapping[str, str]) -> tuple[bool, str | None]:
    """(running in CI?, branch under review or None when unknown, e.g. a tag build)."""
    if env.get("GITHUB_HEAD_REF"):  # a pull request on GitHub Actions
        return True, env["GITHUB_HEAD_REF"]
    if env.get("GITHUB_ACTIONS", "").lower() in _TRUE:
        if env.get("GITHUB_REF_TYPE", "branch") == "branch" and env.get("GITHUB_REF_NAME"):
            return True, env["GITHUB_REF_NAME"]
        return True, None
    if env.get("CI_MERGE_REQUEST_SOURCE_BRANCH_NAME"):  # a merge request on GitLab
        return True, env["CI_MERGE_REQUEST_SOURCE_BRANCH_NAME"]
    if env.get("GITLAB_CI", "").lower() in _TRUE:
        if env.get("CI_COMMIT_BRANCH"):
            return True, env["CI_COMMIT_BRANCH"]
        if env.get("CI_COMMIT_REF_NAME") and not env.get("CI_COMMIT_TAG"):
            return True, env["CI_COMMIT_REF_NAME"]
        return True, None
    return False, None
