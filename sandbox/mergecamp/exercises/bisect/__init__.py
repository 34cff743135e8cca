"""bisect: one of twenty commits broke the model's tests; find it and tag it `culprit`.

The check knows the culprit by its subject on main's history as setup left it; the
release tag `v0.1.0` is the bisect's good end; like every tag setup makes, the
protected-branches invariant keeps it where setup put it. Texts, steps and wrong answers
are in ``exercise.toml``.
"""

from __future__ import annotations

from mergecamp import checks as C
from mergecamp import predicates as P
from mergecamp.exercise_data import define
from mergecamp.exercises._common import package_dir, project_repo
from mergecamp.judge import Judge
from mergecamp.scene import Scene
from mergecamp.scripting import JUN, MINA, SORA, append_text, commit_all, replace_line, set_option
from mergecamp.state import read_state

GOOD_TAG = "v0.1.0"
CULPRIT_SUBJECT = "refactor(model): write swish with the fused tanh form"

# (who, message, config option changes); None marks where the culprit goes.
_HISTORY: tuple[tuple[object, str, dict[str, str]] | None, ...] = (
    (JUN, "exp(config): widen the LSTM to 96 units", {"hidden_size": "96"}),
    (SORA, "exp(config): try dropout 0.1", {"dropout": "0.1"}),
    (MINA, "chore(config): train for 12 epochs", {"max_epochs": "12"}),
    (JUN, "exp(config): use the mean readout", {"readout": "mean"}),
    (SORA, "exp(config): raise the learning rate to 0.004", {"lr": "0.004"}),
    (MINA, "chore(config): longer sequences (60 steps)", {"seq_len": "60"}),
    (JUN, "exp(config): back to the last-state readout", {"readout": "last"}),
    (SORA, "exp(config): learn the initial state", {"learn_init": "true"}),
    (MINA, "chore(config): batch size 32", {"batch_size": "32"}),
    (JUN, "exp(config): two stacked layers", {"num_layers": "2"}),
    (SORA, "exp(config): dropout 0.2 between layers", {"dropout": "0.2"}),
    None,
    (MINA, "chore(config): train for 15 epochs", {"max_epochs": "15"}),
    (JUN, "exp(config): swish activation in the head", {"activation": "swish"}),
    (SORA, "exp(config): learning rate 0.003", {"lr": "0.003"}),
    (MINA, "chore(config): sequences of 50 steps again", {"seq_len": "50"}),
    (JUN, "exp(config): hidden size 128", {"hidden_size": "128"}),
    (SORA, "exp(config): dropout 0.1", {"dropout": "0.1"}),
    (MINA, "chore(config): batch size 64", {"batch_size": "64"}),
)


def setup(scene: Scene) -> None:
    repo, clock = project_repo(scene)
    repo.create_tag(GOOD_TAG)
    config = scene.root / "configs" / "default.yaml"
    for entry in _HISTORY:
        if entry is None:
            replace_line(
                package_dir(scene) / "models" / "activations.py",
                "return x * torch.sigmoid(x)",
                "return x * torch.tanh(torch.nn.functional.softplus(x))",
            )
            commit_all(repo, CULPRIT_SUBJECT, SORA, clock)
            continue
        who, message, options = entry
        for key, value in options.items():
            set_option(config, key, value)
        commit_all(repo, message, who, clock)  # type: ignore[arg-type]
    append_text(scene.root / "NOTES.md", "- The fast tests fail on main since last week.\n")
    commit_all(repo, "docs: note that the fast tests fail on main", MINA, clock)


def bisect_done(j: Judge):
    state = read_state(j.scene.root / ".git")
    if state.operation == "bisect":
        return j.fail("bisect-running")
    if state.branch != "main":
        return j.fail("head-elsewhere", b=state.branch) if state.branch else j.fail("head-detached")
    return j.ok("bisect-done")


def tagged(j: Judge):
    tag, main = C.tag_target(j.repo, "culprit"), j.start("refs/heads/main") or "main"
    if tag is None:
        return j.fail("no-tag")
    culprit = next((c for c in j.repo.log(main) if C.subject(c) == CULPRIT_SUBJECT), None)
    fields = {"sha": tag.sha[:7], "subject": C.subject(tag)}
    if culprit is not None and tag.sha == culprit.sha:
        return j.ok("tagged", **fields)
    if not C.is_ancestor(j.repo, tag.sha, main):
        return j.fail("tag-off-main", **fields)
    early = culprit is not None and C.is_ancestor(j.repo, tag.sha, culprit.sha)
    return j.fail("tag-too-early" if early else "tag-too-late", **fields)


EXERCISE = define(
    __file__,
    setup=setup,
    steps={
        "bisect-done": bisect_done,
        "tagged": tagged,
        "main-kept": lambda j: P.untouched(j, "main"),
    },
)
