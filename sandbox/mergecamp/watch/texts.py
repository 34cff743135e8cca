"""Every text of the live view, in English and Korean (the page gets them in the state)."""

from __future__ import annotations

from mergecamp.i18n import Lang, Text

SERVING = Text(
    en="Live view of `{id}`: {url}  (Ctrl-C stops it)",
    ko="`{id}` 라이브 화면: {url}  (Ctrl-C로 멈춰요)",
)
STOPPED = Text(en="The live view stopped.", ko="라이브 화면을 멈췄어요.")
ALREADY_WATCHING = Text(
    en="`{id}` is already shown live at {url} (process {pid}). Open that page, or stop "
    "that `mergecamp watch` with Ctrl-C first.",
    ko="`{id}`은(는) 이미 {url}에서 라이브로 보여 주고 있어요(프로세스 {pid}). 그 페이지를 "
    "열거나, 그 `mergecamp watch`를 Ctrl-C로 먼저 멈추세요.",
)
PORT_IN_USE = Text(
    en="Port {port} on 127.0.0.1 is already in use ({why}). Pick another with "
    "`mergecamp watch --port <number>`, or leave out --port to get a free one.",
    ko="127.0.0.1의 {port}번 포트는 이미 쓰이고 있어요({why}). "
    "`mergecamp watch --port <번호>`로 다른 포트를 고르거나, --port를 빼면 빈 포트를 골라요.",
)
MISSING_LIBS = Text(
    en="The live view needs {libs}, which are not installed in {py}. Install them with "
    "`{py} -m pip install starlette uvicorn`.",
    ko="라이브 화면에는 {libs}이(가) 필요한데 {py}에 설치돼 있지 않아요. "
    "`{py} -m pip install starlette uvicorn`으로 설치하세요.",
)
NO_SUCH_COMMIT = Text(
    en="There is no commit {sha} in this repository.",
    ko="이 저장소에는 {sha} 커밋이 없어요.",
)

# Shown on the page: every key the script reads from ``state["ui"]``.
UI = {
    "title": Text(en="mergecamp live", ko="mergecamp 라이브"),
    "yours": Text(en="Your repository", ko="내 저장소"),
    "goal": Text(en="Goal", ko="목표"),
    "origin": Text(en="origin (the team's remote)", ko="origin (팀 원격 저장소)"),
    "checklist": Text(en="Checklist", ko="체크리스트"),
    "story": Text(en="Story", ko="이야기"),
    "goal_text": Text(en="Done when:", ko="완료 조건:"),
    "hint": Text(en="Show a hint", ko="힌트 보기"),
    "no_more_hints": Text(
        en="That was the last hint. `mergecamp solution` shows the full answer.",
        ko="마지막 힌트였어요. `mergecamp solution`으로 전체 풀이를 볼 수 있어요.",
    ),
    "prs": Text(en="Pull requests", ko="풀 리퀘스트(PR)"),
    "no_prs": Text(en="No pull request yet.", ko="아직 PR이 없어요."),
    "pr_merged": Text(en="merged", ko="머지됨"),
    "pr_approved": Text(en="approved", ko="승인됨"),
    "pr_changes": Text(en="changes requested", ko="수정 요청"),
    "pr_closed": Text(en="closed", ko="닫힘"),
    "pr_waiting": Text(en="waiting for review", ko="리뷰 기다리는 중"),
    "commit": Text(en="Commit", ko="커밋"),
    "author": Text(en="Author", ko="작성자"),
    "files": Text(en="Files changed", ko="바뀐 파일"),
    "config_changes": Text(en="Config values changed", ko="바뀐 설정 값"),
    "no_config_change": Text(en="No config value changed.", ko="바뀐 설정 값이 없어요."),
    "click_commit": Text(
        en="Click a commit to see its message, author, files and config changes.",
        ko="커밋을 누르면 메시지, 작성자, 바뀐 파일과 설정 값을 볼 수 있어요.",
    ),
    "all_done": Text(en="All steps pass.", ko="모든 단계를 통과했어요."),
    "live": Text(en="live", ko="실시간"),
    "offline": Text(
        en="Disconnected: is `mergecamp watch` still running?",
        ko="연결이 끊겼어요. `mergecamp watch`가 아직 실행 중인가요?",
    ),
    "checking": Text(en="running the model's tests…", ko="모델 테스트를 돌리는 중이에요…"),
}


def ui(lang: Lang) -> dict[str, str]:
    from mergecamp.graph.page import LEGEND

    return {"legend": LEGEND(lang), **{key: text(lang) for key, text in UI.items()}}
