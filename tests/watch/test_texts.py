"""The live view's texts: both languages, the same placeholders and code spans, and
Korean particles after a placeholder in their paired form."""

from __future__ import annotations

import re
from pathlib import Path

from mergecamp.i18n import Text
from mergecamp.watch import state, texts


def _all() -> dict[str, Text]:
    found = {f"UI.{k}": v for k, v in texts.UI.items()}
    for module in (texts, state):
        found.update({n: v for n, v in vars(module).items() if isinstance(v, Text)})
    return found


def test_both_languages_say_the_same_things() -> None:
    for name, text in _all().items():
        assert text.en.strip() and text.ko.strip(), name
        assert set(re.findall(r"{\w+}", text.en)) == set(re.findall(r"{\w+}", text.ko)), name
        assert (
            sorted(re.findall(r"`[^`]*`", text.en)) == sorted(re.findall(r"`[^`]*`", text.ko))
            or "<" in text.en
        ), name


def test_korean_particles_after_a_placeholder_are_paired() -> None:
    bare = re.compile(r"}`?(이|가|은|는|을|를|과|와|로|으로)(?![(가-힣])")
    for name, text in _all().items():
        assert not bare.search(text.ko), (name, text.ko)


def test_the_page_gets_every_text_it_reads() -> None:
    script = Path(texts.__file__).with_name("assets") / "app.js"
    used = set(re.findall(r"ui\.(\w+)", script.read_text(encoding="utf-8")))
    assert used <= set(texts.ui("en")) and used <= set(texts.ui("ko"))
