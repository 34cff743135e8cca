"""The tracks as one checklist with the learner's marks and the exercises' titles.

``mergecamp list`` and ``mergecamp onboard`` print the same table, so a learner sees one
picture of where they stand whichever command they run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from mergecamp.i18n import Text

if TYPE_CHECKING:
    from mergecamp.cli.app import Context
    from mergecamp.progress.standing import ExerciseStanding

MARKS = {"passed": "✔", "started": "▶", "todo": "·", "unavailable": "○"}
COMING = Text(en="coming soon", ko="준비 중")
MARKS_KEY = Text(
    en="✔ passed  ▶ begun  · not begun  ○ coming soon",
    ko="✔ 통과  ▶ 진행 중  · 시작 전  ○ 준비 중",
)


def echo_tracks(ctx: Context) -> list[ExerciseStanding]:
    """Print every track in order, one line per exercise; return the standings shown."""
    from mergecamp import tracks
    from mergecamp.progress import standings

    rows = standings()
    by_id = {row.exercise_id: row for row in rows}
    for track in tracks.TRACKS:
        click.echo(ctx.say(track.title))
        for number, eid in enumerate(track.exercise_ids, 1):
            state = by_id[eid].state
            title = COMING if state == "unavailable" else tracks.load(eid).title
            click.echo(f"  {MARKS[state]} {number:>2}. {eid:<20} {ctx.say(title)}")
        click.echo("")
    click.echo(ctx.say(MARKS_KEY))
    return rows
