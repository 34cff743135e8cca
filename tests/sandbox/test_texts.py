"""Every registered exercise (both tracks) is complete in Korean and English."""

from __future__ import annotations

import re

import pytest
from mergecamp import tracks

HANGUL = re.compile(r"[\uac00-\ud7a3]")
CODE = re.compile(r"`[^`]*`")
WORD = re.compile(r"[A-Za-z]{3,}")


def _prose(text: str) -> str:
    """The text without its `code` spans (commands and file names are the same in both)."""
    return CODE.sub("", text)


@pytest.mark.parametrize("exercise_id", tracks.available_ids())
def test_texts_complete_in_both_languages(exercise_id: str) -> None:
    exercise = tracks.load(exercise_id)
    assert exercise.id == exercise_id
    assert exercise.steps and exercise.hints and exercise.solution
    assert len({s.id for s in exercise.steps}) == len(exercise.steps)
    for text in exercise.texts():
        assert text.en.strip() and text.ko.strip()
        prose = _prose(text.ko)
        # Korean prose, unless the text is only commands / names (then en and ko agree).
        assert HANGUL.search(prose) or not WORD.search(prose), f"not Korean: {text.ko!r}"
        assert not HANGUL.search(text.en), f"Korean in English text: {text.en!r}"


def test_every_first_track_exercise_is_available() -> None:
    assert set(tracks.TRACKS[0].exercise_ids) <= set(tracks.available_ids())
