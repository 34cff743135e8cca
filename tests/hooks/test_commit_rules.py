"""The commit message rule, table-tested and property-tested (pure functions, no git)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from mergecamp_hooks.commit_msg import check_message, parse_header
from mergecamp_hooks.conventions import DEFAULT_TYPES

GOOD = [
    "feat: add a GRU",
    "fix(data): pad the last batch",
    "feat(models)!: drop the old LSTM",
    "refactor!: rename the module",
    "exp: dropout 0.3",
    "docs: README에 학습 명령 추가",
    "feat(models): 양방향 GRU 추가",
    "fix: " + "가" * 67,  # 72 characters, far more than 72 bytes
    "feat: subject\n\nbody line one\nbody line two",
    "Merge branch 'feat/gru' into main",
    "Merge pull request #3 from team/feat/gru",
    "Merge remote-tracking branch 'origin/main' into exp/lstm",
    'Revert "feat: add a GRU"\n\nThis reverts commit 1234567.',
    "fixup! feat: add a GRU",
    "squash! fix: pad",
    "amend! feat: add a GRU\n\nfeat: add a bidirectional GRU",
    "# Please enter the commit message\nfeat: add a GRU\n# comment",
    "\n\nfeat: leading blank lines are dropped by git\n",
    "feat: a\n# ------------------------ >8 ------------------------\nanything\nbelow",
]

BAD = [
    ("Fixed stuff", "commit.format"),
    ("feat add gru", "commit.format"),
    ("feat:add gru", "commit.format"),
    ("feat:  two spaces", "commit.format"),
    ("feat(): empty scope", "commit.format"),
    ("feat( x ): padded scope", "commit.format"),
    ("feature: add gru", "commit.type"),
    ("Feat: add gru", "commit.type"),
    ("style: reformat", "commit.type"),
    ("feat:", "commit.subject-empty"),
    ("feat(models): ", "commit.subject-empty"),
    ("feat: " + "x" * 67, "commit.too-long"),
    ("fix: " + "가" * 68, "commit.too-long"),
    ("feat: subject\nbody without blank line", "commit.blank-line"),
    ("", "commit.empty"),
    ("# only a comment\n", "commit.empty"),
    ("GRU 모델 추가", "commit.format"),
]


@pytest.mark.parametrize("message", GOOD)
def test_good_messages_pass(message: str) -> None:
    assert check_message(message) == []


@pytest.mark.parametrize(("message", "code"), BAD)
def test_bad_messages_name_the_rule(message: str, code: str) -> None:
    codes = [p.code for p in check_message(message)]
    assert code in codes


@pytest.mark.parametrize(
    ("message", "fixed"),
    [
        ("Fixed loader crash", "fix: loader crash"),
        ("Add GRU model", "feat: add GRU model"),
        ("Feat: add gru", "feat: add gru"),
        ("feature(data): 로더 추가", "feat(data): 로더 추가"),
        ("GRU 모델 수정", "fix: GRU 모델 수정"),
        ("feat:", "feat: describe the change"),
    ],
)
def test_fix_command_carries_a_valid_message(message: str, fixed: str) -> None:
    problem = check_message(message)[0]
    assert fixed in problem.fix
    assert problem.fix.startswith("git commit -m ")


def test_custom_types_and_length() -> None:
    assert check_message("style: reformat", types=("style",)) == []
    assert [p.code for p in check_message("feat: add", types=("style",))] == ["commit.type"]
    assert [p.code for p in check_message("fix: abcdef", max_len=8)] == ["commit.too-long"]


def test_committed_messages_keep_hash_lines() -> None:
    """In pushed commits a `#` line is content (cleanup=verbatim), not a comment."""
    assert check_message("#42 fix", strip_comments=False)[0].code == "commit.format"


type_st = st.sampled_from(DEFAULT_TYPES)
scope_st = st.none() | st.from_regex(r"[a-z][a-z0-9_.-]{0,10}", fullmatch=True)
subject_st = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=40
).filter(lambda s: s.strip() == s and s != "")


@given(type_st, scope_st, st.booleans(), subject_st)
def test_any_well_formed_header_passes_and_parses_back(kind, scope, bang, subject) -> None:
    header = f"{kind}{f'({scope})' if scope else ''}{'!' if bang else ''}: {subject}"
    assert check_message(header) == []
    parsed = parse_header(header)
    assert parsed is not None
    assert (parsed.type, parsed.scope, parsed.breaking, parsed.subject) == (
        kind,
        scope,
        bang,
        subject,
    )


@given(st.text(max_size=120))
def test_never_crashes_and_suggestions_are_valid(text: str) -> None:
    """Whatever is typed, the check answers, and a suggested header passes itself."""
    for problem in check_message(text):
        if problem.fix.startswith("git commit -m "):
            import shlex

            suggested = shlex.split(problem.fix)[3]
            assert check_message(suggested) == [], (text, suggested)


@given(type_st, st.text(alphabet="가나다라 abc", min_size=73, max_size=120))
def test_length_is_counted_in_characters(kind, tail) -> None:
    header = f"{kind}: {tail.strip() or 'x'}"
    too_long = "commit.too-long" in [p.code for p in check_message(header)]
    assert too_long == (len(header) > 72)
