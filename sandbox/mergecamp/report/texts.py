"""Every heading and phrase of the instructor's report, in both languages."""

from __future__ import annotations

from mergecamp.i18n import Text

TITLE = Text(en="mergecamp class report", ko="mergecamp 수업 리포트")
SUMMARY = Text(
    en="Learners: {learners} · exercises: {exercises} · records not used: {rejected}",
    ko="학습자 {learners}명 · 연습 {exercises}개 · 사용하지 못한 기록 {rejected}개",
)
CLASS_TABLE = Text(en="Class table", ko="수업 현황표")
COMPACT = Text(
    en="(Narrow terminal: cells show only the checks run. "
    "A wider window, --markdown or --html show hints and times too.)",
    ko="(터미널이 좁아서 check 횟수만 보여요. 창을 넓히거나 --markdown, --html로 보면 "
    "힌트와 시간도 나와요.)",
)
LEGEND = Text(
    en="✔ passed, ✘ begun but not passed, · not begun; the number is checks run, "
    "h hints used, then the time to pass.",
    ko="✔ 통과, ✘ 시작했지만 아직 통과 못 함, · 시작 안 함. 숫자는 check 횟수, "
    "h는 사용한 힌트 수, 그다음은 통과까지 걸린 시간이에요.",
)
LEARNER = Text(en="Learner", ko="학습자")
PASSED = Text(en="Passed", ko="통과")
HINTS = Text(en="Hints", ko="힌트")
HARDEST = Text(en="Hardest exercises", ko="어려워한 연습")
EXERCISE = Text(en="Exercise", ko="연습")
STARTED = Text(en="Begun", ko="시작")
PASS_RATE = Text(en="Pass rate", ko="통과율")
MEAN_ATTEMPTS = Text(en="Checks (mean)", ko="check 평균")
MEAN_HINTS = Text(en="Hints (mean)", ko="힌트 평균")
SOLUTIONS = Text(en="Solutions shown", ko="정답 열람")
MEDIAN_TIME = Text(en="Time to pass (median)", ko="통과 시간 (중앙값)")
LEFT = Text(en="What each learner has left", ko="학습자별 남은 연습")
ALL_DONE = Text(en="all done", ko="모두 끝냈어요")
PROBLEMS = Text(en="Records with problems", ko="문제가 있는 기록")
MALFORMED = Text(en="malformed, not used", ko="형식이 잘못돼서 사용하지 않았어요")
EDITED = Text(en="edited by hand (used, but check it)", ko="직접 수정됨 (반영했지만 확인해 보세요)")
SUPERSEDED = Text(en="older copy, not used", ko="예전 사본이라 사용하지 않았어요")
NO_RECORDS = Text(
    en="No usable records yet. Learners hand theirs in with `mergecamp progress --export FILE`.",
    ko="아직 쓸 수 있는 기록이 없어요. 학습자는 `mergecamp progress --export FILE`로 "
    "기록을 제출해요.",
)
CHART_PASS = Text(en="Learners who passed, per exercise", ko="연습별 통과한 학습자 수")
CHART_HINTS = Text(en="Hints used per learner who began (mean)", ko="시작한 학습자당 평균 힌트 수")
