"""The particle helper (mergecamp.korean): the form after a word read aloud in Korean."""

from __future__ import annotations

import pytest
from mergecamp.i18n import Text
from mergecamp.korean import fill, particle

# value, 이(가), (으)로, (이)에요 — what a Korean reader says after the value.
CASES = [
    # Hangul: no final consonant, ㄹ, another final consonant
    ("브랜치", "가", "로", "예요"),
    ("커밋", "이", "으로", "이에요"),
    ("모델", "이", "로", "이에요"),
    ("실험", "이", "으로", "이에요"),
    ("머지", "가", "로", "예요"),
    ("연습 두 개", "가", "로", "예요"),
    # digits, by their Korean reading; the last digit decides
    ("0", "이", "으로", "이에요"),  # 영
    ("1", "이", "로", "이에요"),  # 일
    ("2", "가", "로", "예요"),  # 이
    ("3", "이", "으로", "이에요"),  # 삼
    ("4", "가", "로", "예요"),  # 사
    ("5", "가", "로", "예요"),  # 오
    ("6", "이", "으로", "이에요"),  # 육
    ("7", "이", "로", "이에요"),  # 칠
    ("8", "이", "로", "이에요"),  # 팔
    ("9", "가", "로", "예요"),  # 구
    ("10", "이", "으로", "이에요"),  # 십
    ("100", "이", "으로", "이에요"),  # 백
    ("12", "가", "로", "예요"),  # 십이
    ("0.003", "이", "으로", "이에요"),  # 삼
    ("0.25", "가", "로", "예요"),  # 오
    ("50%", "가", "로", "예요"),  # 퍼센트
    ("v2", "가", "로", "예요"),
    # English words and code names, by their pronunciation
    ("main", "이", "으로", "이에요"),  # 메인
    ("`main`", "이", "으로", "이에요"),
    ("exp/gru", "가", "로", "예요"),  # 그루
    ("lstm", "이", "으로", "이에요"),  # 엠
    ("LSTM", "이", "으로", "이에요"),
    ("exp/lstm", "이", "으로", "이에요"),
    ("time-travel", "이", "로", "이에요"),  # 트래블
    ("HEAD", "가", "로", "예요"),  # 헤드
    ("hook", "이", "으로", "이에요"),  # 훅
    ("model", "이", "로", "이에요"),  # 모델
    ("origin", "이", "으로", "이에요"),  # 오리진
    ("origin/main", "이", "으로", "이에요"),
    ("master", "가", "로", "예요"),  # 마스터
    ("exp/swish", "가", "로", "예요"),  # 스위시
    ("feat/gru-encoder", "가", "로", "예요"),  # 인코더
    ("exp/dropout", "이", "으로", "이에요"),  # 드롭아웃
    ("fix/bug", "가", "로", "예요"),  # 버그
    ("commit", "이", "으로", "이에요"),  # 커밋
    ("test", "가", "로", "예요"),  # 테스트
    ("setup", "이", "으로", "이에요"),  # 셋업
    ("loop", "가", "로", "예요"),  # 루프
    ("stack", "이", "으로", "이에요"),  # 스택
    ("file", "이", "로", "이에요"),  # 파일
    ("time", "이", "으로", "이에요"),  # 타임
    ("code", "가", "로", "예요"),  # 코드
    ("config.yaml", "이", "로", "이에요"),  # 야믈
    ("model.py", "가", "로", "예요"),  # 파이
    ("README.md", "가", "로", "예요"),  # 디
    ("notes.txt", "가", "로", "예요"),  # 티
    ("training", "이", "으로", "이에요"),  # 트레이닝
    ("PR", "이", "로", "이에요"),  # 알
    ("CI", "가", "로", "예요"),  # 아이
    ("l", "이", "로", "이에요"),  # 엘
    ("m", "이", "으로", "이에요"),  # 엠
    ("n", "이", "으로", "이에요"),  # 엔
    ("r", "이", "로", "이에요"),  # 알
    ("a", "가", "로", "예요"),  # 에이
    ("b", "가", "로", "예요"),  # 비
    ("abc123", "이", "으로", "이에요"),  # 삼
]


@pytest.mark.parametrize(("value", "subject", "toward", "copula"), CASES)
def test_the_form_that_fits_the_word_read_aloud(
    value: str, subject: str, toward: str, copula: str
) -> None:
    assert particle(value, "이(가)") == subject
    assert particle(value, "(으)로") == toward
    assert particle(value, "(이)에요") == copula
    batchim = subject == "이"
    assert particle(value, "은(는)") == ("은" if batchim else "는")
    assert particle(value, "을(를)") == ("을" if batchim else "를")
    assert particle(value, "과(와)") == ("과" if batchim else "와")


def test_fill_resolves_only_the_particle_right_after_a_field() -> None:
    template = "`{b}`이(가) 움직였고 {n}개(이)야. 그대로인 건 {c}은(는) 이(가)"
    out = fill(template, {"b": "main", "n": 3, "c": "exp/gru"})
    assert out == "`main`이 움직였고 3개(이)야. 그대로인 건 exp/gru는 이(가)"


def test_longer_pairs_win_and_quotes_are_skipped() -> None:
    assert fill("{x}(으)로서 {y}'(이)라고", {"x": "팀", "y": "main"}) == "팀으로서 main'이라고"
    assert (
        fill("`{x}`(이)었어요 {y}(이)어야", {"x": "main", "y": "gru"}) == "`main`이었어요 gru여야"
    )


def test_text_format_picks_forms_in_korean_and_leaves_english_alone() -> None:
    text = Text(en="`{b}` moved to {c}", ko="`{b}`이(가) {c}(으)로 움직였어요")
    done = text.format(b="main", c=Text(en="the merge", ko="머지 커밋"))
    assert done("ko") == "`main`이 머지 커밋으로 움직였어요"
    assert done("en") == "`main` moved to the merge"
    assert text.format(b="exp/gru", c="7")("ko") == "`exp/gru`가 7로 움직였어요"


def test_format_specs_and_escaped_braces_still_work() -> None:
    assert fill("{{x}} {n:>3}(으)로", {"n": 1}) == "{x}   1로"
