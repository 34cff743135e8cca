"""GitReader: one typed reader for a working tree and a bare origin alike."""

from __future__ import annotations

import subprocess

import pytest
from mergecamp.gitread import GitError, GitReader

ENV = {
    "GIT_AUTHOR_NAME": "Mina",
    "GIT_AUTHOR_EMAIL": "mina@team.test",
    "GIT_COMMITTER_NAME": "Mina",
    "GIT_COMMITTER_EMAIL": "mina@team.test",
    "GIT_CONFIG_GLOBAL": "/dev/null",
    "GIT_CONFIG_NOSYSTEM": "1",
    "PATH": "/usr/bin:/bin",
}


def git(cwd, *args):
    return subprocess.run(
        ["git", *args], cwd=cwd, env=ENV, check=True, capture_output=True, text=True
    ).stdout.strip()


@pytest.fixture
def repo(tmp_path):
    root = tmp_path / "work"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    (root / "a.yaml").write_text("arch: lstm\n")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "feat: first\n\nbody")
    git(root, "switch", "-q", "-c", "exp/gru")
    (root / "a.yaml").write_text("arch: gru\n")
    (root / "b.txt").write_text("b\n")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "exp: gru")
    git(root, "tag", "-a", "-m", "v1", "v1", "main")
    git(root, "tag", "light", "exp/gru")
    return root


def test_reads_a_working_tree(repo):
    r = GitReader(repo)
    main, exp = r.ref("main"), r.ref("refs/heads/exp/gru")
    assert r.branches() == {"main": main, "exp/gru": exp}
    assert r.head_branch() == "exp/gru"
    commit = r.commit("exp/gru")
    assert (commit.sha, commit.parents, commit.subject) == (exp, (main,), "exp: gru")
    assert (commit.author_name, commit.author_email) == ("Mina", "mina@team.test")
    assert r.commit("main").message.startswith("feat: first\n\nbody")
    assert r.is_ancestor(main, exp) and not r.is_ancestor(exp, main)
    assert r.merge_base("main", "exp/gru") == main
    assert r.read_text("main", "a.yaml") == "arch: lstm\n"
    assert r.read("main", "b.txt") is None and r.read("nope", "a.yaml") is None
    assert r.changed_paths("main", "exp/gru") == {"a.yaml", "b.txt"}
    assert r.commit_paths(commit) == {"a.yaml", "b.txt"}
    assert [c.sha for c in r.log("main..exp/gru")] == [exp]
    assert [c.sha for c in r.log("exp/gru", "b.txt")] == [exp]
    assert r.log("no-such-branch") == []
    assert r.tags() == {"v1": main, "light": exp}  # the annotated tag peeled
    refs = r.refs("refs/tags")
    assert refs["refs/tags/light"] == exp and refs["refs/tags/v1"] != main  # unpeeled
    assert r.reflog()[-1].new == exp
    git(repo, "config", "branch.exp/gru.remote", "origin")
    assert r.config("branch.exp/gru.remote") == "origin"
    assert r.config("branch.main.remote") is None


def test_reads_a_bare_origin_the_same_way(repo, tmp_path):
    git(tmp_path, "clone", "-q", "--bare", str(repo), "origin.git")
    origin = GitReader(tmp_path / "origin.git")
    assert origin.worktree is None
    assert origin.branches() == GitReader(repo).branches()
    assert origin.read_text("exp/gru", "a.yaml") == "arch: gru\n"


def test_a_moved_branch_is_read_anew(repo):
    r = GitReader(repo)
    before = r.commit("refs/heads/main")
    git(repo, "branch", "-f", "main", "exp/gru")
    assert r.commit("refs/heads/main").sha != before.sha
    assert r.commit(before.sha) == before  # a sha names the same commit forever


def test_missing_things_are_none_or_key_error(repo, tmp_path):
    r = GitReader(repo)
    assert r.ref("nope") is None and r.ref("main\nHEAD") is None
    with pytest.raises(KeyError):
        r.commit("nope")
    with pytest.raises(GitError):
        GitReader(tmp_path)  # not a repository
    git(repo, "switch", "-q", "--detach", "main")
    assert r.head_branch() is None


def test_odd_bytes_in_a_file_name(repo):
    name = b"caf\xe9.txt"
    (repo / name.decode("utf-8", "surrogateescape")).write_bytes(b"x\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "chore: odd name")
    r = GitReader(repo)
    path = name.decode("utf-8", "surrogateescape")
    assert path in r.files("HEAD")
    assert r.read("HEAD", path) == b"x\n"
