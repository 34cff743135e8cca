"""Texts of the exercise commands (list, start, check, hint, solution, reset, status, next)."""

from __future__ import annotations

from mergecamp.i18n import Text

LIST_FOOTER = Text(
    en="Start one with `mergecamp start <id>`; `mergecamp next` suggests where to go on.",
    ko="`mergecamp start <id>`로 시작해요. 어디로 갈지 모르겠으면 `mergecamp next`를 실행하세요.",
)
REPLACE_Q = Text(
    en="`{path}` already exists. Throw that work away and build `{id}` again?",
    ko="`{path}`이(가) 이미 있어요. 거기 작업을 버리고 `{id}`을(를) 다시 만들까요?",
)
CANCELLED = Text(en="Cancelled: nothing was changed.", ko="취소했어요: 아무것도 바꾸지 않았어요.")
GO_THERE = Text(
    en="Your repository is ready. Go there with:\n  cd {path}\nThen `mergecamp check` shows "
    "how far you are, `mergecamp hint` helps when you are stuck.",
    ko="저장소가 준비됐어요. 이렇게 이동하세요:\n  cd {path}\n진행 상황은 `mergecamp check`, "
    "막히면 `mergecamp hint`를 실행하세요.",
)
DONE_WHEN = Text(en="Done when:", ko="완료 조건:")
ALL_DONE = Text(
    en="All steps pass. Well done! `mergecamp next` shows the next exercise.",
    ko="모든 단계를 통과했어요. 잘했어요! 다음 연습은 `mergecamp next`로 확인하세요.",
)
HINT_HEAD = Text(en="Hint {n}/{total}:", ko="힌트 {n}/{total}:")
LAST_HINT = Text(
    en="That was the last hint. `mergecamp solution` shows the full answer.",
    ko="마지막 힌트였어요. 전체 풀이는 `mergecamp solution`으로 볼 수 있어요.",
)
SOLUTION_Q = Text(
    en="Show the solution of `{id}`? Trying a little longer teaches more.",
    ko="`{id}`의 풀이를 볼까요? 조금 더 시도해 보면 더 많이 배워요.",
)
SOLUTION_REFUSED = Text(
    en="Not showing the solution of `{id}` without a yes: add `--yes` "
    "(or `--commands` for the bare commands).",
    ko="확인 없이 `{id}`의 풀이를 보여 주지 않아요: `--yes`를 붙이세요 "
    "(명령만 보려면 `--commands`).",
)
SOLUTION_HEAD = Text(
    en="Solution of `{id}`: run these from the repository root, right after `mergecamp start`:",
    ko="`{id}` 풀이예요: `mergecamp start` 직후 저장소 최상위 폴더에서 실행하세요:",
)
RESET_Q = Text(
    en="Reset `{id}` to its start state? Your commits and changes in `{path}` will be lost.",
    ko="`{id}`을(를) 처음 상태로 되돌릴까요? `{path}`의 커밋과 변경 사항이 사라져요.",
)
RESET_REFUSED = Text(
    en="Not resetting `{id}` without a yes: your work in `{path}` would be lost. Add `--yes`.",
    ko="확인 없이 `{id}`을(를) 되돌리지 않아요: `{path}`의 작업이 사라지거든요. "
    "`--yes`를 붙이세요.",
)
RESET_DONE = Text(
    en="`{id}` is back at its start state in {path}.",
    ko="`{id}`을(를) {path}에서 처음 상태로 되돌렸어요.",
)
CD_AGAIN = Text(
    en="The folder was replaced by a fresh one: a shell that was inside it must `cd {path}` again.",
    ko="폴더를 새것으로 바꿨어요: 그 안에 있던 터미널에서는 `cd {path}`을(를) 다시 하세요.",
)
CWD_GONE = Text(
    en="The folder you are in no longer exists (`mergecamp reset` and `start --force` put a "
    "fresh folder in place of the old one). `cd` into the exercise again: "
    "`cd {workspace}/<id>`; `mergecamp list` shows the exercises.",
    ko="지금 있는 폴더가 더 이상 없어요(`mergecamp reset`과 `start --force`는 옛 폴더 "
    "자리에 새 폴더를 놓아요). 연습 폴더로 다시 `cd` 하세요: `cd {workspace}/<id>`. "
    "연습 목록은 `mergecamp list`로 볼 수 있어요.",
)
STATUS_WHERE = Text(en="Repository: {path}", ko="저장소: {path}")
STATUS_DONE = Text(
    en="Every step passes. Confirm with `mergecamp check`, then `mergecamp next`.",
    ko="모든 단계를 통과했어요. `mergecamp check`로 확인하고 `mergecamp next`로 넘어가세요.",
)
STATUS_NOW = Text(en="Now: {step}", ko="지금 할 일: {step}")
STATUS_MORE = Text(
    en="(`mergecamp check` for the full checklist, `mergecamp hint` for a hint)",
    ko="(전체 체크리스트는 `mergecamp check`, 힌트는 `mergecamp hint`)",
)
NEXT_IS = Text(
    en="Next: {title} ({id}). Start it with `mergecamp start {id}`.",
    ko="다음 연습: {title} ({id}). `mergecamp start {id}`(으)로 시작하세요.",
)
NEXT_NONE = Text(
    en="Nothing left: you passed every exercise available. 🎉",
    ko="남은 연습이 없어요: 있는 연습을 모두 통과했어요. 🎉",
)
