"""Korean and English texts of every lesson the hooks print (stdlib only, no i18n import).

Each lesson has a title (what went wrong), the rule, one good example and one line of
why; the found text and the fix command come from the check itself (see problem.py).
Placeholders in braces are filled from `Problem.params`.
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "found": "found",
        "rule": "rule",
        "example": "example",
        "fix": "fix",
        "why": "why",
        "advice": "tip",
    },
    "ko": {
        "found": "찾은 것",
        "rule": "규칙",
        "example": "예시",
        "fix": "고치는 법",
        "why": "이유",
        "advice": "도움말",
    },
}

_BRANCH_RULE = {
    "en": (
        "Name branches `<type>/<topic>`: type is one of {types}; topic is lowercase "
        "ascii words joined by `-` (`.` and `_` are fine too)."
    ),
    "ko": (
        "브랜치 이름은 `<type>/<topic>` 모양으로 지어요. type은 {types} 중 하나, "
        "topic은 영어 소문자 단어를 `-`로 이어 붙여요 (`.`, `_`도 괜찮아요)."
    ),
}
_BRANCH_WHY = {
    "en": "The prefix tells reviewers and CI what kind of change to expect at a glance.",
    "ko": "앞에 붙은 type만 봐도 리뷰어와 CI가 어떤 변경인지 바로 알 수 있어요.",
}
_COMMIT_RULE = {
    "en": (
        "Start with a type ({types}), an optional scope in parentheses, an optional `!` "
        "for a breaking change, then `: ` and a short subject."
    ),
    "ko": (
        "type({types} 중 하나)으로 시작하고, 필요하면 괄호 안에 scope, 호환이 깨지는 변경이면 "
        "`!`를 붙인 다음 `: `와 짧은 제목을 써요."
    ),
}
_COMMIT_EXAMPLE = {
    "en": "feat(models): add a bidirectional GRU",
    "ko": "feat(models): 양방향 GRU 추가",
}
_COMMIT_WHY = {
    "en": (
        "A history that says what each commit does makes review, `git log` and release notes easy."
    ),
    "ko": "커밋마다 무엇을 했는지 한눈에 보이면 리뷰도, `git log`도, 릴리스 노트도 쉬워져요.",
}


def _lesson(
    title: dict[str, str], rule: dict[str, str], example: dict[str, str], why: dict[str, str]
) -> dict[str, dict[str, str]]:
    """Regroup per-field texts into per-language texts."""
    return {
        lang: {"title": title[lang], "rule": rule[lang], "example": example[lang], "why": why[lang]}
        for lang in ("en", "ko")
    }


_BRANCH_EXAMPLE = {"en": "exp/lstm-dropout", "ko": "exp/lstm-dropout"}

LESSONS: dict[str, dict[str, dict[str, str]]] = {
    "branch.on-default": _lesson(
        title={
            "en": "you are about to commit straight on `{branch}`",
            "ko": "`{branch}` 브랜치에 바로 커밋하려고 했어요",
        },
        rule={
            "en": (
                "`{branch}` changes only through merges. Make a branch named `<type>/<topic>` "
                "(type: {types}) and commit there; your staged changes come along."
            ),
            "ko": (
                "`{branch}`은(는) 머지로만 바뀌어요. `<type>/<topic>` 이름으로 브랜치를 만들어서 "
                "거기에 커밋해 주세요 (type: {types}). 스테이징한 변경은 그대로 따라가요."
            ),
        },
        example={"en": "feat/gru-encoder", "ko": "feat/gru-encoder"},
        why={
            "en": "`{branch}` is the version everyone trusts: changes reach it after review.",
            "ko": (
                "`{branch}`은(는) 모두가 믿고 쓰는 버전이라서, "
                "리뷰와 CI를 거친 변경만 들어가야 해요."
            ),
        },
    ),
    "branch.name": _lesson(
        title={
            "en": "the branch name `{branch}` does not follow `<type>/<topic>`",
            "ko": "브랜치 이름 `{branch}`이(가) `<type>/<topic>` 모양이 아니에요",
        },
        rule=_BRANCH_RULE,
        example=_BRANCH_EXAMPLE,
        why=_BRANCH_WHY,
    ),
    "branch.type": _lesson(
        title={
            "en": "`{type}` is not one of the branch types",
            "ko": "`{type}`은(는) 정해진 브랜치 type이 아니에요",
        },
        rule=_BRANCH_RULE,
        example=_BRANCH_EXAMPLE,
        why=_BRANCH_WHY,
    ),
    "commit.empty": _lesson(
        title={"en": "the commit message is empty", "ko": "커밋 메시지가 비어 있어요"},
        rule=_COMMIT_RULE,
        example=_COMMIT_EXAMPLE,
        why=_COMMIT_WHY,
    ),
    "commit.format": _lesson(
        title={
            "en": "the first line does not follow `type(scope): subject`",
            "ko": "첫 줄이 `type(scope): subject` 모양이 아니에요",
        },
        rule=_COMMIT_RULE,
        example=_COMMIT_EXAMPLE,
        why=_COMMIT_WHY,
    ),
    "commit.type": _lesson(
        title={
            "en": "`{type}` is not one of the commit types",
            "ko": "`{type}`은(는) 정해진 커밋 type이 아니에요",
        },
        rule=_COMMIT_RULE,
        example=_COMMIT_EXAMPLE,
        why=_COMMIT_WHY,
    ),
    "commit.subject-empty": _lesson(
        title={
            "en": "there is no subject after `{prefix}`",
            "ko": "`{prefix}` 뒤에 제목이 없어요",
        },
        rule=_COMMIT_RULE,
        example=_COMMIT_EXAMPLE,
        why=_COMMIT_WHY,
    ),
    "commit.too-long": _lesson(
        title={
            "en": "the first line has {length} characters; the limit is {limit}",
            "ko": "첫 줄이 {length}자예요. {limit}자까지만 써 주세요",
        },
        rule={
            "en": (
                "Keep the first line within {limit} characters; details go in the body "
                "after a blank line."
            ),
            "ko": "첫 줄은 {limit}자 안으로 쓰고, 자세한 내용은 빈 줄 하나 띄운 다음 본문에 써요.",
        },
        example=_COMMIT_EXAMPLE,
        why={
            "en": "Short first lines stay whole in `git log --oneline`, pull requests and e-mail.",
            "ko": "첫 줄이 짧아야 `git log --oneline`이나 PR 목록에서 잘리지 않아요.",
        },
    ),
    "commit.blank-line": _lesson(
        title={
            "en": "the second line of the message is not blank",
            "ko": "커밋 메시지의 둘째 줄이 비어 있지 않아요",
        },
        rule={
            "en": "Leave one blank line between the first line and the body.",
            "ko": "첫 줄과 본문 사이에는 빈 줄을 하나 둬요.",
        },
        example={
            "en": "fix(data): pad the last batch\n\nThe loader dropped up to 31 samples per epoch.",
            "ko": "fix(data): 마지막 배치 패딩\n\n에포크마다 샘플이 최대 31개씩 빠지고 있었어요.",
        },
        why={
            "en": "git and most tools read everything before the first blank line as the title.",
            "ko": "git과 대부분의 도구는 첫 빈 줄 앞까지를 전부 제목으로 읽어요.",
        },
    ),
    "artifact.weights": _lesson(
        title={
            "en": "model weights are staged for commit",
            "ko": "모델 가중치 파일이 커밋에 들어가려고 해요",
        },
        rule={
            "en": (
                "Weights ({suffixes}) stay out of git: keep them in artifact storage (a shared "
                "drive, your experiment tracker, Git LFS or DVC) and list them in .gitignore."
            ),
            "ko": (
                "가중치 파일({suffixes})은 git에 넣지 않아요. 아티팩트 저장소(공유 드라이브, "
                "실험 트래커, Git LFS, DVC)에 두고 .gitignore에 적어 둬요."
            ),
        },
        example={"en": ".gitignore: *.ckpt", "ko": ".gitignore: *.ckpt"},
        why={
            "en": (
                "One checkpoint can weigh hundreds of MB, and once committed it is in "
                "every clone forever."
            ),
            "ko": "체크포인트 하나가 수백 MB일 수 있고, 한 번 커밋하면 모든 클론에 영원히 남아요.",
        },
    ),
    "artifact.logs": _lesson(
        title={
            "en": "experiment logs are staged for commit",
            "ko": "실험 로그가 커밋에 들어가려고 해요",
        },
        rule={
            "en": (
                "Logger output ({dirs}) stays on your machine or in the tracker; "
                "ignore the folder in .gitignore."
            ),
            "ko": (
                "로거 출력({dirs})은 내 컴퓨터나 실험 트래커에 두고, 폴더를 .gitignore에 적어 둬요."
            ),
        },
        example={"en": ".gitignore: lightning_logs/", "ko": ".gitignore: lightning_logs/"},
        why={
            "en": "Logs change on every run and bury the real change in review.",
            "ko": "로그는 실행할 때마다 바뀌어서 리뷰할 때 진짜 변경을 가려 버려요.",
        },
    ),
    "artifact.large": _lesson(
        title={
            "en": "a file over {limit} KB is staged for commit",
            "ko": "{limit} KB가 넘는 파일이 커밋에 들어가려고 해요",
        },
        rule={
            "en": (
                "Data files over {limit} KB go to data storage (DVC, a bucket, Git LFS); "
                "commit the script or README line that fetches them instead."
            ),
            "ko": (
                "{limit} KB가 넘는 데이터는 데이터 저장소(DVC, 버킷, Git LFS)에 두고, "
                "대신 받아오는 스크립트나 README 설명을 커밋해요."
            ),
        },
        example={
            "en": "data/README.md: how to download train.csv",
            "ko": "data/README.md: train.csv 받는 방법",
        },
        why={
            "en": "git keeps every version of every file: big data slows every clone and CI run.",
            "ko": (
                "git은 모든 파일의 모든 버전을 간직해서, "
                "큰 데이터는 클론과 CI를 전부 느리게 만들어요."
            ),
        },
    ),
}


#: A `[tool.mergecamp]` setting of the wrong type: one line naming the key, the type it
#: needs and an example (the hook stops with exit code 2).
SETTING_WRONG_TYPE = {
    "en": (
        "error: [tool.mergecamp] {key} in pyproject.toml must be {expected}, "
        "not {found} ({value}); for example `{example}`"
    ),
    "ko": (
        "오류: pyproject.toml의 [tool.mergecamp] {key} 값은 {expected} "
        "지금 값: {value} ({found}). 예: `{example}`"
    ),
}
_TYPES_EXAMPLE = 'types = ["feat", "fix", "exp"]'
SETTING_EXPECTED: dict[str, dict[str, tuple[str, str]]] = {
    "types": {
        "en": ("a list of strings or one comma-separated string", _TYPES_EXAMPLE),
        "ko": ("문자열 목록이나 쉼표로 구분한 문자열이어야 해요.", _TYPES_EXAMPLE),
    },
    "default_branch": {
        "en": ("a string", 'default_branch = "main"'),
        "ko": ("문자열이어야 해요.", 'default_branch = "main"'),
    },
    "max_kb": {
        "en": ("a whole number of KB", "max_kb = 500"),
        "ko": ("KB 단위 정수여야 해요.", "max_kb = 500"),
    },
    "language": {
        "en": ('a string, "en" or "ko"', 'language = "ko"'),
        "ko": ('문자열 "en"이나 "ko"여야 해요.', 'language = "ko"'),
    },
}
SETTING_TYPE_NAMES: dict[str, dict[str, str]] = {
    "int": {"en": "a whole number", "ko": "정수"},
    "float": {"en": "a decimal number", "ko": "실수"},
    "bool": {"en": "true or false", "ko": "참/거짓 값"},
    "str": {"en": "a string", "ko": "문자열"},
    "list": {"en": "a list", "ko": "목록"},
    "dict": {"en": "a table", "ko": "테이블"},
    "datetime": {"en": "a date and time", "ko": "날짜와 시간"},
    "date": {"en": "a date", "ko": "날짜"},
    "time": {"en": "a time of day", "ko": "시각"},
}
#: A list with an item of the wrong type: `a list holding a whole number`.
SETTING_LIST_OF = {"en": "a list holding {inner}", "ko": "목록(항목: {inner})"}
