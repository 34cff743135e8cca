"""Texts of the onboarding commands (onboard, progress, report, graph), in both languages."""

from __future__ import annotations

from mergecamp.i18n import Text

# graph
YOUR_REPO = Text(en="Your repository: {path}", ko="내 저장소: {path}")
GOAL_OF = Text(en="Goal of {id} (after the reference solution)", ko="{id}의 목표 (모범 풀이 뒤)")
DETACHED = Text(
    en="HEAD is detached at {sha}: `git switch <branch>` takes you back to a branch.",
    ko="HEAD가 {sha}에 분리돼 있어요(detached): `git switch <브랜치>`로 브랜치에 돌아갈 수 있어요.",
)
NO_COMMITS = Text(en="No commits yet.", ko="아직 커밋이 없어요.")
NEW_COMMITS = Text(
    en="{count} new commit(s) of yours are marked ◆.",
    ko="새로 만든 커밋 {count}개는 ◆로 표시했어요.",
)
GOAL_UNAVAILABLE = Text(
    en="(No goal graph: {why})",
    ko="(목표 그래프 없음: {why})",
)
GOAL_HIDDEN = Text(
    en="it would show the answer; it appears here once `mergecamp check` passes",
    ko="정답이 보이게 되니까 `mergecamp check`를 통과하면 보여 드려요",
)
NOT_AN_EXERCISE = Text(
    en="not a mergecamp exercise, so there is no goal to compare with",
    ko="mergecamp 연습이 아니라서 비교할 목표가 없어요",
)
HTML_WRITTEN = Text(
    en="Wrote {path}: open it in a browser.", ko="{path}에 저장했어요: 브라우저로 열어 보세요."
)
CANNOT_WRITE = Text(en="Cannot write {path}: {why}", ko="{path}에 쓸 수 없어요: {why}")
PAGE_TITLE = Text(en="mergecamp graph: {name}", ko="mergecamp 그래프: {name}")

# onboard
WHERE = Text(
    en="You passed {passed} of {total} exercises available now.",
    ko="지금 할 수 있는 연습 {total}개 중 {passed}개를 통과했어요.",
)
ALL_PASSED = Text(
    en="You passed every exercise there is. Well done! `mergecamp progress --export FILE` "
    "hands in your record.",
    ko="모든 연습을 통과했어요. 수고했어요! `mergecamp progress --export FILE`로 기록을 "
    "제출할 수 있어요.",
)
RESUME = Text(
    en="Next: {id} ({title}). You already started it; carry on there:\n  cd {path}\n"
    "`mergecamp status` says what to do now, `mergecamp check` checks your work.",
    ko="다음 연습: {id} ({title}). 이미 시작했으니 이어서 하면 돼요:\n  cd {path}\n"
    "`mergecamp status`로 지금 할 일을, `mergecamp check`로 결과를 확인해요.",
)
STARTING = Text(en="Next: {id}. Building it now…", ko="다음 연습: {id}. 지금 만들고 있어요…")
WOULD_START = Text(
    en="Next: {id} ({title}). `mergecamp onboard` without --no-start builds it, "
    "or run `mergecamp start {id}`.",
    ko="다음 연습: {id} ({title}). --no-start 없이 `mergecamp onboard` 하거나 "
    "`mergecamp start {id}` 하면 만들어져요.",
)

# progress
PROGRESS_HEAD = Text(en="Progress of {name} ({path})", ko="{name}님의 진행 기록 ({path})")
PROGRESS_LINE = Text(
    en="{mark} {id:<20} checks {checks}, hints {hints}",
    ko="{mark} {id:<20} check {checks}번, 힌트 {hints}개",
)
EXPORTED = Text(
    en="Wrote your record to {path}. Hand this file in to your instructor.",
    ko="기록을 {path}에 저장했어요. 이 파일을 강사님께 제출하세요.",
)
NAME_SET = Text(
    en="Your name in the record is now {name}.", ko="기록에 적힌 이름을 {name}(으)로 바꿨어요."
)
BAD_NAME = Text(en="The name must not be empty.", ko="이름이 비어 있으면 안 돼요.")
