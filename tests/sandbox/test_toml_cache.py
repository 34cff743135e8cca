"""The parsed-TOML cache the checks use for exercise data (mergecamp.toml_cache)."""

from __future__ import annotations

import marshal
import os
import sys

import pytest
from mergecamp import toml_cache


@pytest.fixture
def data_file(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    path = tmp_path / "exercise.toml"
    path.write_text('id = "x"\n[messages.m]\nen = "hi"\nko = "안녕"\n', encoding="utf-8")
    return path


def _cache(path):
    return path.parent / "__pycache__" / f"{path.name}.marshal"


def test_the_second_load_comes_from_the_cache(data_file):
    first = toml_cache.load(data_file)
    assert first == {"id": "x", "messages": {"m": {"en": "hi", "ko": "안녕"}}}
    header, _, _ = _cache(data_file).read_bytes().partition(b"\n")
    # Plant other data under the same header: only a load that reads the cache returns it.
    _cache(data_file).write_bytes(header + b"\n" + marshal.dumps({"id": "from-cache"}))
    assert toml_cache.load(data_file) == {"id": "from-cache"}


def test_an_edited_file_is_parsed_again(data_file):
    toml_cache.load(data_file)
    data_file.write_text('id = "edited, longer"\n', encoding="utf-8")
    os.utime(data_file, ns=(1, 1))  # even with an old mtime: the size differs
    assert toml_cache.load(data_file) == {"id": "edited, longer"}


def test_a_damaged_cache_is_ignored(data_file):
    toml_cache.load(data_file)
    _cache(data_file).write_bytes(b"garbage")
    assert toml_cache.load(data_file)["id"] == "x"
    header = _cache(data_file).read_bytes().partition(b"\n")[0]
    _cache(data_file).write_bytes(header + b"\nnot marshal")
    assert toml_cache.load(data_file)["id"] == "x"


def test_nothing_is_written_where_python_writes_no_bytecode(data_file, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert toml_cache.load(data_file)["id"] == "x"
    assert not _cache(data_file).exists()


def test_a_syntax_error_is_a_value_error_and_leaves_no_cache(data_file):
    data_file.write_text("id = \n", encoding="utf-8")
    with pytest.raises(ValueError):
        toml_cache.load(data_file)
    assert not _cache(data_file).exists()
