"""The branch rule and the CI branch lookup (pure functions, no git)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from mergecamp_hooks.branch_name import check_branch, suggest_branch
from mergecamp_hooks.ci import ci_branch
from mergecamp_hooks.conventions import DEFAULT_TYPES

GOOD = ["main", "feat/gru-encoder", "exp/lstm-dropout-0.3", "fix/issue_12", "hotfix/v1.2.1", None]
BAD = [
    ("Feature/New_Model", "branch.name"),
    ("feature/new-model", "branch.type"),
    ("gru", "branch.name"),
    ("feat/GRU", "branch.name"),
    ("feat/", "branch.name"),
    ("feat/a/b", "branch.name"),
    ("feat/gru--x", "branch.name"),
    ("feat/그루", "branch.name"),
    ("master", "branch.name"),
    ("wip/thing", "branch.type"),
]


@pytest.mark.parametrize("name", GOOD)
def test_good_names_pass(name: str | None) -> None:
    assert check_branch(name) == []


@pytest.mark.parametrize(("name", "code"), BAD)
def test_bad_names_name_the_rule(name: str, code: str) -> None:
    [problem] = check_branch(name)
    assert problem.code == code
    assert problem.fix.startswith("git branch -m ")


def test_committing_on_the_default_branch_is_refused() -> None:
    [problem] = check_branch("main", committing=True, topic_hint="recurrent")
    assert problem.code == "branch.on-default"
    assert problem.fix == "git switch -c feat/recurrent"
    assert check_branch("develop", default_branch="develop", committing=True)[0].code == (
        "branch.on-default"
    )
    assert check_branch("main", default_branch="develop")[0].code == "branch.name"


@pytest.mark.parametrize(
    ("name", "suggestion"),
    [
        ("Feature/New_Model", "feat/new_model"),
        ("bugfix/Login Error", "fix/login-error"),
        ("fix-login", "fix/login"),
        ("gru", "feat/gru"),
        ("실험", "feat/my-change"),
    ],
)
def test_suggestions(name: str, suggestion: str) -> None:
    assert suggest_branch(name) == suggestion


@given(st.text(max_size=40))
def test_every_suggestion_is_a_valid_branch(name: str) -> None:
    assert check_branch(suggest_branch(name)) == []


@given(
    st.sampled_from(DEFAULT_TYPES), st.from_regex(r"[a-z0-9]+([-._][a-z0-9]+){0,4}", fullmatch=True)
)
def test_every_type_topic_pair_passes(kind: str, topic: str) -> None:
    assert check_branch(f"{kind}/{topic}", committing=True) == []


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, (False, None)),
        (
            {"GITHUB_ACTIONS": "true", "GITHUB_HEAD_REF": "feat/x", "GITHUB_REF_NAME": "3/merge"},
            (True, "feat/x"),
        ),
        (
            {
                "GITHUB_ACTIONS": "true",
                "GITHUB_HEAD_REF": "",
                "GITHUB_REF_NAME": "main",
                "GITHUB_REF_TYPE": "branch",
            },
            (True, "main"),
        ),
        (
            {"GITHUB_ACTIONS": "true", "GITHUB_REF_NAME": "v1.0", "GITHUB_REF_TYPE": "tag"},
            (True, None),
        ),
        (
            {
                "GITLAB_CI": "true",
                "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME": "exp/a",
                "CI_COMMIT_REF_NAME": "exp/a",
            },
            (True, "exp/a"),
        ),
        ({"GITLAB_CI": "true", "CI_COMMIT_BRANCH": "main"}, (True, "main")),
        ({"GITLAB_CI": "true", "CI_COMMIT_REF_NAME": "v1", "CI_COMMIT_TAG": "v1"}, (True, None)),
    ],
)
def test_ci_branch(env: dict[str, str], expected: tuple[bool, str | None]) -> None:
    assert ci_branch(env) == expected
