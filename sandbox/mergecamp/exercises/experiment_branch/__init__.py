"""experiment-branch: start ``exp/gru`` from main, switch the network from LSTM to GRU
there, commit; main stays as it was.

"Change only the layer type" is judged by meaning: the parsed config on the branch is
main's, option by option, but for ``arch``, and no other file changed. Texts, steps and
wrong answers are in ``exercise.toml``.
"""

from __future__ import annotations

from mergecamp import checks as C
from mergecamp import configs
from mergecamp import predicates as P
from mergecamp.exercise_data import define
from mergecamp.exercises._common import CONFIG, change, longer_sequences, short
from mergecamp.judge import Judge
from mergecamp.scene import Scene
from mergecamp.scripting import SORA

BRANCH = "exp/gru"
# The one option the experiment changes, where the project reads it.
NETWORK_ARCH = ".".join((*configs.NETWORK, "arch"))


def setup(scene: Scene) -> None:
    repo, clock = longer_sequences(scene)
    change(repo, scene, clock, SORA, "feat(train): train for 20 epochs", max_epochs=20)


def leaves(tree: object, path: str = "") -> dict[str, object]:
    """Every option of a parsed config by its dotted path (``model.init_args.lr``,
    ``model.init_args.net.init_args.arch``)."""
    if not isinstance(tree, dict):
        return {path: tree}
    return {k: v for key, sub in tree.items() for k, v in leaves(sub, f"{path}.{key}").items()}


def branch(j: Judge):
    missing = P.branch_missing(j, BRANCH)
    if missing is not None:
        return missing
    main = j.start("refs/heads/main") or "main"
    if not C.is_ancestor(j.repo, main, BRANCH):
        return j.fail("not-from-main", b=BRANCH, m=short(C.commit_of(j.repo, main)))
    return j.ok("from-main", b=BRANCH)


def gru(j: Judge):
    main = j.start("refs/heads/main") or "main"
    if not C.new_commits(j.repo, main, BRANCH):
        return j.fail("no-commit", b=BRANCH, f=CONFIG)
    arch = P.option_is(j, BRANCH, "arch", "gru")
    if not arch.passed:
        return arch
    was, now = (leaves(configs.load(C.file_at(j.repo, r, CONFIG) or "")) for r in (main, BRANCH))
    keys = [p for p in sorted(was.keys() | now.keys()) if was.get(p) != now.get(p)]
    moved = [p.rsplit(".", 1)[-1] for p in keys if p.lstrip(".") != NETWORK_ARCH]
    moved += sorted(C.paths_changed_between(j.repo, main, BRANCH) - {CONFIG})
    if moved:
        what = ", ".join(f"`{k}`" for k in moved)
        return j.fail("also-changes", b=BRANCH, keys=what, m7=main[:7], f=CONFIG)
    return j.ok("gru-only", b=BRANCH)


EXERCISE = define(
    __file__,
    setup=setup,
    steps={
        "branch": branch,
        "gru": gru,
        "main-untouched": lambda j: P.untouched(j, "main"),
    },
)
