"""Every Korean text a learner can read (tests/i18n/korean_texts.py collects them):
particles after a placeholder are paired and render right for every kind of word, and
the wording follows the house style (one word per thing, no `;`, no Markdown)."""

from __future__ import annotations

import re

import pytest
from mergecamp.korean import ANY_PAIR, PAIRS, fill

from tests.i18n.korean_texts import all_texts

TEXTS = all_texts()
FIELD = re.compile(r"\{([A-Za-z_]\w*)\}")  # a plain field, no format spec
CLOSING = r"[`\"'”’\]]*"
PAIRED_AFTER_FIELD = re.compile(
    r"\{[A-Za-z_]\w*\}("
    + CLOSING
    + r")("
    + "|".join(re.escape(p) for p in sorted(PAIRS, key=len, reverse=True))
    + ")"
)
BARE = re.compile(
    r"\{[A-Za-z_]\w*(?:[:!][^{}]*)?\}" + CLOSING
    + r"(이에요|예요|이야|이랑|이나|으로|이|가|은|는|을|를|과|와|로|야|랑)(?![가-힣(])"
)  # fmt: skip
# copula forms that change with the sound too: `{x}`였어요 / `{x}`이었어요 …
# ("…"라고 after a closing quote is the quotation marker, the same after any sound.)
BARE_COPULA = re.compile(
    r"\{[A-Za-z_]\w*(?:[:!][^{}]*)?\}(?:" + CLOSING + r"(?:이었|였|이어야|여야)"
    + r"|`*(?:이)?(?:고|라고|라는|라서|지만)(?![가-힣(]))"
)  # fmt: skip
CODE = re.compile(r"`[^`]*`")

# A value of every kind of ending, and which form (0 after a final consonant, 1 after
# none, 2 after ㄹ) each takes.
SAMPLES = [
    ("브랜치", 1), ("커밋", 0), ("모델", 2),
    *((str(d), {0: 0, 1: 2, 2: 1, 3: 0, 4: 1, 5: 1, 6: 0, 7: 2, 8: 2, 9: 1}[d]) for d in range(10)),
    ("main", 0), ("exp/gru", 1), ("lstm", 0), ("hook", 0), ("model", 2),
    ("time-travel", 2), ("/home/me/mergecamp/stage-and-commit", 0),
]  # fmt: skip
WITH_FIELDS = [t for t in TEXTS if FIELD.search(t[2]) and not re.search(r"\{\w*[:!]", t[2])]


def test_the_collection_finds_the_texts() -> None:
    assert len(TEXTS) > 400 and len(WITH_FIELDS) > 150


@pytest.mark.parametrize(("where", "en", "ko"), TEXTS, ids=[t[0] for t in TEXTS])
def test_a_particle_after_a_placeholder_is_paired(where: str, en: str, ko: str) -> None:
    assert not BARE.search(ko), f"{where}: write the particle paired, e.g. {{b}}이(가): {ko!r}"
    assert not BARE_COPULA.search(ko), f"{where}: write it paired, e.g. {{b}}(이)었어요: {ko!r}"


@pytest.mark.parametrize(("value", "form"), SAMPLES, ids=[s[0] for s in SAMPLES])
def test_every_text_renders_the_form_that_fits(value: str, form: int) -> None:
    for where, _en, ko in WITH_FIELDS:
        fields = {name: value for name in FIELD.findall(ko)}
        rendered = fill(ko, fields)
        expected = PAIRED_AFTER_FIELD.sub(
            lambda m: "{_v}" + m.group(1) + PAIRS[m.group(2)][form], ko
        )
        expected = FIELD.sub("{_v}", expected).replace("{_v}", "\0")
        expected = expected.replace("{{", "{").replace("}}", "}").replace("\0", value)
        assert rendered == expected, where
        assert not ANY_PAIR.search(rendered), f"{where}: a paired form not after a field"


def _prose(ko: str) -> str:
    return CODE.sub("", ko)


FORBIDDEN = {
    "실습": "연습",
    "작업 디렉터리": "작업 폴더",
    "작업 디렉토리": "작업 폴더",
    "워킹 디렉터리": "작업 폴더",
    "스테이지 영역": "스테이징 영역",
    "스테이징 에어리어": "스테이징 영역",
    "리모트 저장소": "원격 저장소",
    "풀리퀘스트": "풀 리퀘스트",
    "머지 요청": "풀 리퀘스트",
}


@pytest.mark.parametrize(("where", "en", "ko"), TEXTS, ids=[t[0] for t in TEXTS])
def test_korean_house_style(where: str, en: str, ko: str) -> None:
    prose = _prose(ko)
    assert ";" not in prose, f"{where}: no `;` in a Korean sentence: {ko!r}"
    assert not re.search(r"\*[^*\s][^*]*\*", prose), f"{where}: raw Markdown: {ko!r}"
    for word, instead in FORBIDDEN.items():
        assert word not in prose, f"{where}: {word} → {instead}: {ko!r}"
    assert not re.search(r"Traceback|raise \w+\(|File \"", ko), f"{where}: code in: {ko!r}"
    # English prose leaking into Korean: a sentence of four or more English words outside
    # quotes and code spans (commit subjects are quoted, commands are code).
    unquoted = re.sub(r"\"[^\"]*\"|“[^”]*”", "", prose)
    leak = re.search(r"\b[A-Za-z]{2,}(?: [A-Za-z]{2,}){3,}\b", unquoted)
    assert leak is None, f"{where}: English in Korean: {leak.group(0) if leak else ''!r}"
