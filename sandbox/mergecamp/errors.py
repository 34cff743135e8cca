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
