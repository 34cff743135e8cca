"""``mergecamp watch``: the exercise's commit graph, goal and checklist in the browser,
updated after every git command.

- ``state``: the one builder of what the page shows (and ``GET /state.json`` returns);
  its checklist is ``engine.check_json``, the data of ``check --json``.
- ``changes``: polls the files git writes (HEAD, refs, packed-refs, index, logs, and
  the team's origin) and says when they settled after a change.
- ``commit_info``: one commit's message, author, diff stat and changed config values.
- ``record``: the record of the running server, so a second ``watch`` says where it is.
- ``server``: the Starlette app and uvicorn, bound to 127.0.0.1 only.
- ``assets/``: the page, its script and style (package data, no CDN).

Nothing here is imported by ``check`` or the git hooks.
"""
