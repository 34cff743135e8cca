"""The one exception the CLI turns into a clear message and a non-zero exit."""

from __future__ import annotations

from mergecamp.i18n import Text


class MergecampError(Exception):
    """A problem the learner can fix; ``text`` says what and how, in both languages."""

    exit_code = 2

    def __init__(self, text: Text, exit_code: int | None = None) -> None:
        super().__init__(text.en)
        self.text = text
        if exit_code is not None:
            self.exit_code = exit_code


UNEXPECTED = Text(
    en="mergecamp stopped on an unexpected error ({detail}). `git status` shows the state of "
    "your repository. Run the command again with MERGECAMP_DEBUG=1 to see the details, and "
    "tell your instructor or the mergecamp team.",
    ko="mergecamp가 예상하지 못한 오류로 멈췄어요({detail}). 저장소 상태는 `git status`로 "
    "확인하세요. MERGECAMP_DEBUG=1을 붙여 다시 실행하면 자세한 내용이 보여요. 강사님이나 "
    "mergecamp 팀에 알려 주세요.",
)

INTERRUPTED = Text(en="Interrupted.", ko="중단했어요.")
