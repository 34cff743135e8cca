"""``mergecamp report --json``: the whole report as data, for scripts and spreadsheets.

``json.dumps`` escapes control characters itself; file names go through
``escape.json_text`` so a name that is not UTF-8 cannot stop the output."""

from __future__ import annotations

import json
from dataclasses import asdict

from mergecamp.escape import json_text
from mergecamp.report.model import ClassReport


def to_json(report: ClassReport) -> str:
    data = {
        "schema": "mergecamp-report",
        "version": 1,
        "exercises": report.exercises,
        "learners": [
            {
                "name": row.name,
                "source": json_text(row.source),
                "edited": row.edited,
                "passed": row.passed,
                "exercises": {eid: asdict(cell) for eid, cell in row.cells.items()},
                "left": row.left,
            }
            for row in report.learners
        ],
        "stats": [{**asdict(s), "pass_rate": round(s.pass_rate, 4)} for s in report.stats.values()],
        "hardest": [s.exercise_id for s in report.hardest],
        "problems": [
            {
                "source": json_text(r.source),
                "status": r.status,
                "problems": [json_text(p) for p in r.problems],
            }
            for r in report.rejected
        ]
        + [
            {"source": json_text(row.source), "status": "edited", "problems": ["edited by hand"]}
            for row in report.learners
            if row.edited
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)
