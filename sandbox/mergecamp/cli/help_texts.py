"""``--help`` in Korean: every command's and option's help, by command path.

The English help stays where click reads it (docstrings and ``help=``); when the
language is Korean, :func:`korean_help` renders the same page from these texts instead,
with click's own headings in Korean too. tests/i18n/test_help.py runs every command's
``--help`` in Korean and finds no English sentence, so a new command or option without
its Korean help fails there.
"""

from __future__ import annotations

import copy

import click

from mergecamp.wrap import help_width, wrap

# command path (without "mergecamp") → its help
COMMANDS: dict[str, str] = {
    "": "실제 저장소에서 ML 팀의 git 워크플로를 익혀요.",
    "check": "지금까지 한 작업을 확인해요. 아직 틀린 곳을 체크리스트로 보여 주고, "
    "모든 단계를 통과하면 종료 코드 0으로 끝나요.",
    "graph": "연습의 커밋 그래프(브랜치, 태그, HEAD, 내가 만든 커밋)와 목표 그래프를 그려요.",
    "hint": "다음 힌트를 보여 줘요(물어볼 때마다 하나씩 더).",
    "list": "트랙별 연습 목록과 내 진행 상황을 보여 줘요.",
    "next": "이 연습 다음에 할 연습을 알려 줘요.",
    "onboard": "트랙 순서, 지금 내 위치, 다음 연습을 보여 주고 다음 연습을 만들어 줘요.",
    "pr": "팀 origin에서 풀 리퀘스트(PR)를 열고 머지해요.",
    "pr checkout": "PR의 브랜치를 origin에서 가져와 이 클론에서 그 브랜치로 옮겨 가요.",
    "pr close": "PR을 머지하지 않고 닫아요.",
    "pr diff": "PR의 변경을 보여 줘요: 브랜치가 갈라진 뒤 기준 브랜치에 더하는 것.",
    "pr list": "origin의 모든 PR을 최근 것부터 보여 줘요.",
    "pr merge": "지금 브랜치의 승인된 PR을 origin의 main에 머지해요.",
    "pr open": "지금 브랜치의 PR을 열고(이미 있으면 갱신하고) 리뷰와 CI를 돌려요.",
    "pr reopen": "닫힌 PR을 다시 열어요(브랜치가 아직 origin에 있어야 해요).",
    "pr status": "지금 브랜치의 PR을 보여 줘요. 브랜치나 main이 움직였으면 다시 리뷰하고, "
    "PR이 없으면 모든 PR을 보여 줘요.",
    "pr update": "origin에서 main을 PR의 브랜치로 머지해요(브랜치 업데이트). "
    "그다음 `git pull` 하세요.",
    "pr view": "PR 하나를 보여 줘요: 설명, 커밋, 변경 통계, 검사와 리뷰.",
    "progress": "저장된 내 진행 기록을 보여 줘요. --export로 강사에게 낼 파일을 만들어요.",
    "report": "내보낸 진행 기록들로 반 보고서를 만들어요: 표, 어려워한 연습, 남은 연습.",
    "reset": "연습을 처음 상태로 되돌려요(거기서 바꾼 것은 사라져요).",
    "solution": "모범 답안을 git 명령으로 보여 줘요.",
    "start": "작업 공간에 연습 ID를 만들고 그 이야기를 보여 줘요.",
    "status": "지금 연습에서 할 일을 보여 줘요.",
    "watch": "그래프, 목표, 체크리스트를 브라우저에 띄우고 git 명령을 실행할 때마다 새로 그려요.",
}

# (command path, option's first name) → its help
OPTIONS: dict[tuple[str, str], str] = {
    ("", "--lang"): "텍스트 언어(없으면 MERGECAMP_LANG, 그것도 없으면 로캘을 따라요).",
    ("", "--workspace"): "연습을 만들 폴더(없으면 $MERGECAMP_HOME, 그것도 없으면 ~/mergecamp).",
    ("", "--version"): "버전을 보여 주고 끝내요.",
    ("check", "--json"): "결과를 JSON으로 출력해요.",
    ("check", "--all"): "실패한 모든 단계의 메시지를 보여 줘요.",
    ("graph", "--html"): "그래프를 SVG로 담은 HTML 파일 하나를 써요.",
    ("graph", "--no-goal"): "목표 그래프는 빼요.",
    ("graph", "--ascii"): "ASCII 문자로만 그려요.",
    ("graph", "--limit"): "커밋을 최대 이만큼만 그려요.",
    ("onboard", "--no-start"): "내 위치만 보여 주고 아무것도 만들지 않아요.",
    ("pr list", "--json"): "PR 목록을 JSON으로 출력해요.",
    ("pr merge", "--method"): "머지 커밋, 스쿼시, 리베이스 중 하나(기본값: 팀 정책).",
    ("pr merge", "--delete-branch"): "머지한 뒤 origin의 브랜치를 지워요.",
    ("pr merge", "--json"): "머지한 PR을 JSON으로 출력해요.",
    ("pr open", "--title"): "PR 제목(Conventional Commits 형식의 제목).",
    ("pr open", "--body"): "PR 설명(기본값: PR 템플릿).",
    ("pr open", "--body-file"): "PR 설명을 이 파일에서 읽어요.",
    ("pr open", "--json"): "PR을 JSON으로 출력해요.",
    ("pr status", "--json"): "PR을 JSON으로 출력해요.",
    ("progress", "--export"): "제출할 기록을 FILE(또는 폴더 안)에 써요.",
    ("progress", "--name"): "기록을 제출할 때 쓸 이름.",
    ("report", "--markdown"): "Markdown으로 출력해요.",
    ("report", "--json"): "JSON으로 출력해요.",
    ("report", "--html"): "HTML 파일 하나를 FILE에 써요.",
    ("reset", "--yes"): "확인을 묻지 않아요.",
    ("solution", "--yes"): "확인을 묻지 않아요.",
    ("solution", "--commands"): "셸 명령만 한 줄에 하나씩 출력해요.",
    ("start", "--force"): "이미 있는 연습 복사본을 새것으로 바꿔요.",
    ("watch", "--port"): "127.0.0.1의 포트(기본값: 비어 있는 포트).",
    ("watch", "--open"): "브라우저에서 페이지를 열어요.",
}

# click's own words (it has no Korean catalogue)
HEADINGS = (
    ("Usage:", "사용법:"),
    ("Options:", "옵션:"),
    ("Commands:", "명령:"),
    ("Show this message and exit.", "이 도움말을 보여 주고 끝내요."),
    ("[default: ", "[기본값: "),
    ("[required]", "[필수]"),
)


def path_of(ctx: click.Context) -> str:
    """``"pr open"`` for ``mergecamp pr open``: the command path without the program."""
    names = []
    while ctx.parent is not None:  # the root's name is however mergecamp was run
        names.append(ctx.info_name or "")
        ctx = ctx.parent
    return " ".join(reversed(names))


def korean_help(command: click.Command, ctx: click.Context) -> str:
    """``command``'s help page in Korean: click draws the page of a copy of the command
    that carries the Korean texts (the command itself stays as it is: a test may ask
    for the English page next)."""
    path = path_of(ctx)
    local = copy.copy(command)
    local.help = COMMANDS.get(path, command.help)
    params = []
    for param in command.params:
        if isinstance(param, click.Option) and param.help:
            param = copy.copy(param)
            param.help = OPTIONS.get((path, param.opts[0]), param.help)
        params.append(param)
    local.params = params
    # click wraps by characters, a Hangul syllable takes two columns: draw the page
    # unwrapped, then wrap it at spaces by columns (mergecamp.wrap).
    saved = ctx.terminal_width, ctx.max_content_width
    ctx.terminal_width = ctx.max_content_width = 10_000
    try:
        page = click.Command.get_help(local, ctx)
    finally:
        ctx.terminal_width, ctx.max_content_width = saved
    for english, korean in HEADINGS:
        page = page.replace(english, korean)
    return wrap(page, help_width())


def short_help(path: str) -> str | None:
    """The first sentence of a command's Korean help, for a group's command list."""
    text = COMMANDS.get(path)
    return text.split(". ")[0].rstrip(".") if text else None
