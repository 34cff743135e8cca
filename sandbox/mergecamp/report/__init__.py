"""The instructor's class report: exported progress records in, tables and charts out.

``load_all`` judges the files, ``build`` computes the report once, and each renderer
(terminal, Markdown, JSON, HTML) only draws it.
"""

from __future__ import annotations

from mergecamp.report.model import ClassReport, build
from mergecamp.report.records import LoadedRecord, load_all

__all__ = ["ClassReport", "LoadedRecord", "build", "load_all"]
