"""TOML data files parsed once, then read back from a cache beside them.

Why: every exercise's texts live in ``exercise.toml`` and ``_messages.toml``, and the git
hooks check the exercise after every git command in a fresh process. Importing
``tomllib`` and parsing both files is a large part of that check, yet the files change
only when mergecamp is edited. So, as Python does with bytecode, the parsed data goes
into ``__pycache__/<name>.marshal`` next to the file, keyed by the file's mtime and
size, and is written only where Python would write bytecode (not under
``PYTHONDONTWRITEBYTECODE``). A cache that is stale, unreadable or unwritable is simply
not used: the file is parsed again.
"""

from __future__ import annotations

import marshal
import os
import sys
from pathlib import Path
from typing import Any

_MAGIC = b"mergecamp-toml-1"


def load(path: Path) -> dict[str, Any]:
    """The parsed TOML at ``path``; ``OSError`` or ``ValueError`` (a TOML syntax error
    is a ``tomllib.TOMLDecodeError``, a ``ValueError``) as ``tomllib`` raises them."""
    stat = path.stat()
    header = _MAGIC + f" {stat.st_mtime_ns} {stat.st_size}".encode()
    cache = path.parent / "__pycache__" / f"{path.name}.marshal"
    try:
        stored_header, _, body = cache.read_bytes().partition(b"\n")
        if stored_header == header:
            data = marshal.loads(body)
            if isinstance(data, dict):
                return data
    except (OSError, ValueError, EOFError, TypeError):
        pass  # no cache yet, or a damaged one: parse
    import tomllib

    with path.open("rb") as fh:
        data = tomllib.load(fh)
    if not sys.dont_write_bytecode:
        _store(cache, header, data)
    return data


def _store(cache: Path, header: bytes, data: dict[str, Any]) -> None:
    try:
        body = marshal.dumps(data)  # ValueError for values marshal cannot hold (dates)
        cache.parent.mkdir(exist_ok=True)
        scratch = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
        scratch.write_bytes(header + b"\n" + body)
        os.replace(scratch, cache)  # readers see the old file or the new one, never half
    except (OSError, ValueError):
        pass
