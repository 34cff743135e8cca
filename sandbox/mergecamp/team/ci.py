"""This world's CI: the project's own pre-commit hooks and fast tests, run on a pushed commit.

Why not plain ``pre-commit run``: its hooks are ``language: python`` with pinned
``additional_dependencies``, which pre-commit would install into fresh environments
(minutes, and a registry). CI here rewrites the project's local hooks to
``language: system`` and runs them with the tools already installed next to mergecamp,
so the same hook definitions judge the branch, offline, in seconds. Hooks hosted on a
forge cannot be fetched here and are reported as skipped.

A verdict depends only on the tree tested, the tree it is compared with (pre-commit
judges the changed files) and the Python that runs it, so it is cached per (tree, fork
tree, interpreter) in ``origin.git/mergecamp/ci-cache/``: a second ``pr open`` or
``pr status`` of the same tree answers at once, even for a new commit (an amended
message, the same change on another branch).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from mergecamp.gitcmd import clean_env, git
from mergecamp.gitread import GitReader
from mergecamp.i18n import Text
from mergecamp.team.origin import meta_dir, scratch_checkout

# Told before each CI stage, so a learner sees CI working within a moment, not a silence.
Stage = Callable[[Text], None]

PRE_COMMIT_STAGE = Text(
    en="CI: pre-commit on the changed files…",
    ko="CI: 바뀐 파일에 pre-commit을 실행하고 있어요…",
)
TESTS_STAGE = Text(
    en="CI: the fast test suite (`{command}`)…",
    ko="CI: 빠른 테스트 묶음(`{command}`)을 실행하고 있어요…",
)
CACHED_STAGE = Text(
    en="CI: this tree was already tested ({short}): reusing the result.",
    ko="CI: 이 트리는 이미 테스트했어요({short}). 그 결과를 그대로 써요.",
)

_LOG_TAIL = 1500


@dataclass(frozen=True)
class CiResult:
    """One CI run on one commit: which jobs failed, and the end of their output."""

    sha: str
    passed: bool
    failed: tuple[str, ...]
    skipped: tuple[str, ...]
    log: str

    def to_json(self) -> dict:
        data = asdict(self)
        data["failed"] = list(self.failed)
        data["skipped"] = list(self.skipped)
        return data

    @classmethod
    def from_json(cls, data: dict) -> CiResult:
        return cls(
            sha=data["sha"],
            passed=bool(data["passed"]),
            failed=tuple(data.get("failed", ())),
            skipped=tuple(data.get("skipped", ())),
            log=data.get("log", ""),
        )


def cache_key(origin: Path, sha: str, fork: str) -> str:
    """Same tree, same fork tree, same interpreter: same verdict."""
    reader = GitReader(origin)
    trees = reader.commit(sha).tree + "\0" + (reader.commit(fork).tree if fork else "")
    return hashlib.sha256(f"{trees}\0{sys.executable}".encode()).hexdigest()[:24]


def _cached(origin: Path, key: str, sha: str) -> CiResult | None:
    try:
        data = json.loads((meta_dir(origin) / "ci-cache" / f"{key}.json").read_text("utf-8"))
        result = CiResult.from_json(data)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return CiResult(sha, result.passed, result.failed, result.skipped, result.log)


def _store(origin: Path, key: str, result: CiResult) -> None:
    folder = meta_dir(origin) / "ci-cache"
    folder.mkdir(exist_ok=True)
    tmp = folder / f".{key}.tmp"
    tmp.write_text(json.dumps(result.to_json()), encoding="utf-8")
    os.replace(tmp, folder / f"{key}.json")


def run(
    origin: Path, sha: str, branch: str, base: str | None = None, stage: Stage | None = None
) -> CiResult:
    """The CI verdict on ``sha``: from the cache, else run in a scratch checkout.

    With ``base`` (origin's main), the hooks judge the files the branch changed since it
    left main, as a PR check does: the review is about this change, not the whole repo.
    """
    say = stage or (lambda _text: None)
    fork = git(origin, "merge-base", base, sha, check=False) if base else ""
    key = cache_key(origin, sha, fork)
    hit = _cached(origin, key, sha)
    if hit is not None:
        say(CACHED_STAGE.format(short=sha[:7]))
        return hit
    result = _run(origin, sha, branch, fork, say)
    _store(origin, key, result)
    return result


def _run(origin: Path, sha: str, branch: str, fork: str, say: Stage) -> CiResult:
    """Check out ``sha`` from ``origin`` in a scratch folder and run the jobs there."""
    with scratch_checkout(origin, "ci", sha) as work:
        scratch = work.parent
        env = _env(scratch, branch)
        failed: list[str] = []
        skipped: list[str] = []
        logs: list[str] = []
        say(PRE_COMMIT_STAGE)
        _pre_commit(work, scratch, env, failed, skipped, logs, fork)
        say(TESTS_STAGE.format(command=_tests_command()))
        _fast_tests(work, env, failed, skipped, logs)
        return CiResult(
            sha, not failed, tuple(failed), tuple(skipped), "\n".join(logs)[-_LOG_TAIL:]
        )


def _env(scratch: Path, branch: str) -> dict[str, str]:
    bin_dir = str(Path(sys.executable).parent)
    return clean_env(
        {
            "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""),
            "PRE_COMMIT_HOME": str(scratch / "pre-commit-home"),
            "PYTHONDONTWRITEBYTECODE": "1",
            # The conventions hooks read the PR's branch from here in CI (detached HEAD).
            "GITHUB_HEAD_REF": branch,
            "CI": "true",
        }
    )


def _pre_commit(
    work: Path, scratch: Path, env: dict, failed: list, skipped: list, logs: list, fork: str
) -> None:
    config_file = work / ".pre-commit-config.yaml"
    if not config_file.is_file():
        return
    import yaml

    try:
        config = yaml.safe_load(config_file.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as err:
        failed.append("pre-commit")
        logs.append(f".pre-commit-config.yaml is not valid YAML: {err}")
        return
    path = env.get("PATH", "")
    local_repos = []
    for repo in config.get("repos", []):
        if repo.get("repo") != "local":
            skipped.append(f"pre-commit: {repo.get('repo')}")
            continue
        hooks = []
        for hook in repo.get("hooks", []):
            stages = hook.get("stages")
            if stages and not {"pre-commit", "commit"} & set(stages):
                continue  # commit-msg / pre-push hooks do not judge files
            if hook.get("language") in ("python", "python3"):
                hook = {k: v for k, v in hook.items() if k != "additional_dependencies"}
                hook["language"] = "system"
            tool = str(hook.get("entry", "")).split()[:1]
            if hook.get("language") == "system" and tool and not shutil.which(tool[0], path=path):
                # Not installed next to mergecamp: CI here cannot run it, so it is no verdict.
                skipped.append(f"pre-commit: {hook.get('id')} ({tool[0]} is not installed)")
                continue
            hooks.append(hook)
        if hooks:
            local_repos.append({"repo": "local", "hooks": hooks})
    if not local_repos:
        return
    ci_config = scratch / "ci-pre-commit-config.yaml"
    ci_config.write_text(yaml.safe_dump({"repos": local_repos}), encoding="utf-8")
    scope = ["--from-ref", fork, "--to-ref", "HEAD"] if fork else ["--all-files"]
    proc = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", *scope, "--config", str(ci_config)],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        if "No module named pre_commit" in proc.stderr:
            skipped.append("pre-commit (not installed: pip install pre-commit)")
            return
        failed.append("pre-commit")
        logs.append("$ pre-commit run --all-files\n" + proc.stdout + proc.stderr)


def _tests_command() -> str:
    from mergecamp import project_tests

    return project_tests.COMMAND


def _fast_tests(work: Path, env: dict, failed: list, skipped: list, logs: list) -> None:
    """The project's whole fast suite, as its CI workflow runs it (not one chosen file)."""
    from mergecamp import project_tests
    from mergecamp.checks import missing_ml_packages

    if not (work / "tests").is_dir():
        return
    missing = missing_ml_packages()
    if missing:
        skipped.append(
            f"{project_tests.COMMAND} (needs {', '.join(missing)}: pip install 'mergecamp[ml]')"
        )
        return
    result = project_tests.run_shown(work, env=env)
    if not result.passed:
        failed.append(project_tests.COMMAND)
        logs.append(f"$ {project_tests.COMMAND}\n" + "\n".join(result.failures) + "\n")
        logs.append(result.output[-_LOG_TAIL:])
