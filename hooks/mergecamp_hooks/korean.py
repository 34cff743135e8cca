"""Korean particles after an inserted word, chosen from how the word is read aloud.

Korean texts write a particle after a ``{placeholder}`` in its paired form
(``{b}이(가)``, ``{b}을(를)``, ``{b}(으)로``, ``{b}(이)에요`` …); :func:`fill` fills the
placeholders and picks the one form that fits the inserted value:

- Hangul by its final consonant (ㄹ counts apart for ``(으)로``);
- digits by their Korean reading (1 일, 2 이, 3 삼, 6 육, 10 십: the last digit decides);
- Latin letters and code names by their English pronunciation (``main`` 메인,
  ``exp/gru`` 그루, ``lstm`` 엘에스티엠, ``time-travel`` 트래블), the last word after
  ``/ . - _`` deciding.

Stdlib only: the conventions hooks (a copy of this package inside every baked project)
use it too. tossi (PyPI) handles Hangul and numbers but no English words and has not
been released since 2017, so this is a small table of its own.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from string import Formatter

NONE, RIEUL, OTHER = "none", "rieul", "other"  # no final consonant, ㄹ, any other

# paired form → (after a final consonant, after none, after ㄹ)
PAIRS: dict[str, tuple[str, str, str]] = {
    "이(가)": ("이", "가", "이"),
    "은(는)": ("은", "는", "은"),
    "을(를)": ("을", "를", "을"),
    "과(와)": ("과", "와", "과"),
    "아(야)": ("아", "야", "아"),
    "(으)로": ("으로", "로", "로"),
    "(으)로서": ("으로서", "로서", "로서"),
    "(으)로써": ("으로써", "로써", "로써"),
    "(이)에요": ("이에요", "예요", "이에요"),
    "(이)었": ("이었", "였", "이었"),  # (이)었어요, (이)었는데
    "(이)어야": ("이어야", "여야", "이어야"),
    "(이)야": ("이야", "야", "이야"),
    "(이)나": ("이나", "나", "이나"),
    "(이)랑": ("이랑", "랑", "이랑"),
    "(이)라고": ("이라고", "라고", "이라고"),
    "(이)라는": ("이라는", "라는", "이라는"),
    "(이)라서": ("이라서", "라서", "이라서"),
    "(이)면": ("이면", "면", "이면"),
    "(이)고": ("이고", "고", "이고"),
    "(이)지만": ("이지만", "지만", "이지만"),
    "(이)든": ("이든", "든", "이든"),
    "(이)죠": ("이죠", "죠", "이죠"),
}
# Longest first, so "(으)로서" wins over "(으)로".
_PAIR = re.compile(
    r"^([`\"'”’\]]*)(" + "|".join(re.escape(p) for p in sorted(PAIRS, key=len, reverse=True)) + ")"
)
ANY_PAIR = re.compile("|".join(re.escape(p) for p in PAIRS))

# The last digit as read in Korean: 영 일 이 삼 사 오 육 칠 팔 구 (10 십, 100 백, 1000 천
# all end in a final consonant, like 영).
_DIGIT = {
    "0": OTHER, "1": RIEUL, "2": NONE, "3": OTHER, "4": NONE,
    "5": NONE, "6": OTHER, "7": RIEUL, "8": RIEUL, "9": NONE,
}  # fmt: skip
# A letter spelled out: 에이 비 씨 … 엘 엠 엔 … 알 …
_LETTER = {ch: NONE for ch in "abcdefghijkopqstuvwxyz"} | {"l": RIEUL, "r": RIEUL}
_LETTER |= {"m": OTHER, "n": OTHER}
# Words the spelling rules below read wrong, or that come up so often they are pinned.
_WORDS = {
    "main": OTHER,  # 메인
    "head": NONE,  # 헤드
    "origin": OTHER,  # 오리진
    "gru": NONE,  # 그루
    "lstm": OTHER,  # 엘에스티엠
    "check": NONE,  # 체크
    "type": OTHER,  # 타입
    "hub": NONE,  # 허브
    "bit": NONE,  # 비트
    "hit": NONE,  # 히트
    "git": OTHER,  # 깃
    "club": OTHER,  # 클럽
    "web": OTHER,  # 웹
    "job": OTHER,  # 잡
    "good": OTHER,  # 굿
    "yaml": RIEUL,  # 야믈
    "toml": RIEUL,  # 토믈
    "json": OTHER,  # 제이슨
    "py": NONE,  # 파이
    "swish": NONE,  # 스위시
    "relu": NONE,  # 렐루
    "gelu": NONE,  # 겔루
    "readme": NONE,  # 리드미
    "time": OTHER,  # 타임
    "one": OTHER,  # 원
}
_SYMBOL = {"%": NONE, "+": NONE}  # 퍼센트, 플러스
_VOWELS = set("aeiouy")
_WORD = re.compile(r"[A-Za-z]+|[0-9]+|[\uac00-\ud7a3]+")


def _hangul(ch: str) -> str:
    final = (ord(ch) - 0xAC00) % 28
    return NONE if final == 0 else RIEUL if final == 8 else OTHER


def _english(word: str) -> str:
    lower = word.lower()
    if lower in _WORDS:
        return _WORDS[lower]
    spelled = (word.isupper() and len(word) <= 5) or not (set(lower) & _VOWELS)
    if spelled or len(lower) == 1:
        return _LETTER[lower[-1]]
    if lower.endswith("e") and len(lower) > 2 and lower[-2] not in _VOWELS | {"r"}:
        # A silent e: the consonant before it decides (time 타임, file 파일, code 코드).
        before = lower[-2]
        return OTHER if before in "mn" else RIEUL if before == "l" else NONE
    last, before = lower[-1], lower[-2]
    if last == "l":
        return RIEUL  # model 모델, travel 트래블, pull 풀
    if last in "mn" or lower.endswith("ng"):
        return OTHER  # 엠, 메인, 브랜딩
    if lower.endswith("ck") or lower.endswith("ic"):
        return OTHER  # 백, 로직
    if lower.endswith("out"):
        return OTHER  # 드롭아웃
    if last in "kptb":
        # After one short vowel the sound closes the syllable (훅, 커밋, 스텝, 잡); after a
        # consonant or a long vowel it gets its own 으 (태스크, 테스트, 루프, 허브).
        short = before in _VOWELS and (len(lower) < 3 or lower[-3] not in _VOWELS)
        return OTHER if short or lower.endswith("ook") else NONE
    return NONE  # vowels, r, s, x, d, g, f, sh, ch, th, w: 그루, 마스터, 헤드, 버그, 푸시


def final_sound(value: object) -> str:
    """``"none"``, ``"rieul"`` or ``"other"``: how the last syllable of ``value`` ends
    when read aloud. Unknown endings (emoji, other scripts) count as a final consonant."""
    text = str(value).rstrip()
    if text and text[-1] in _SYMBOL:
        return _SYMBOL[text[-1]]
    words = _WORD.findall(text)
    if not words:
        return OTHER
    word = words[-1]
    if word[-1].isdigit():
        return _DIGIT[word[-1]]
    if "\uac00" <= word[-1] <= "\ud7a3":
        return _hangul(word[-1])
    return _english(word)


def particle(value: object, paired: str) -> str:
    """The one form of ``paired`` (e.g. ``"이(가)"``) that fits after ``value``."""
    after_final, after_none, after_rieul = PAIRS[paired]
    sound = final_sound(value)
    return after_none if sound == NONE else after_rieul if sound == RIEUL else after_final


def resolve(value: object, following: str) -> str:
    """``following`` (the text right after ``value``) with a leading paired particle
    (after an optional closing backtick or quote) turned into its one form."""
    found = _PAIR.match(following)
    if found is None:
        return following
    closing, paired = found.groups()
    return closing + particle(value, paired) + following[found.end() :]


_FORMATTER = Formatter()


def fill(template: str, fields: Mapping[str, object]) -> str:
    """``template.format(**fields)``, with each paired particle right after a field
    turned into the form that fits the inserted value."""
    out: list[str] = []
    previous: str | None = None
    for literal, name, spec, conversion in _FORMATTER.parse(template):
        if previous is not None:
            literal = resolve(previous, literal)
        out.append(literal)
        if name is None:
            previous = None
            continue
        value, _ = _FORMATTER.get_field(name, (), fields)
        value = _FORMATTER.convert_field(value, conversion)
        if spec and "{" in spec:
            spec = _FORMATTER.vformat(spec, (), fields)
        previous = format(value, spec or "")
        out.append(previous)
    return "".join(out)
