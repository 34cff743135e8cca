"""The review's pure parts: topics from a title, CODEOWNERS matching, the PR body's
results section (no repositories: milliseconds)."""

from __future__ import annotations

from mergecamp.team import owners, pr_body, topics

ADDING = "src/sequence_lab/data/adding.py"


def test_topic_from_type_scope_and_words() -> None:
    assert topics.topic_areas("exp(model): try a GRU") == {"model"}
    assert topics.topic_areas("docs: say we are trying a GRU") == {"docs", "model"}
    assert topics.topic_areas("chore(config): 15 epochs") == set()
    assert topics.off_topic("exp(model): try a GRU", {ADDING, "configs/default.yaml"}) == {
        ADDING: "data"
    }
    assert topics.off_topic("chore: tidy", {ADDING}) == {}  # no topic, no judgement


def test_codeowners_last_match_wins_and_folders_match_below() -> None:
    text = "# owners\n* @mina\n/src/*/data/ @jun\n*.md @sora\n"
    assert owners.owners_of(text, ADDING) == ("@jun",)
    assert owners.owners_of(text, "docs/guide.md") == ("@sora",)
    assert owners.owners_of(text, "configs/default.yaml") == ("@mina",)
    assert owners.owners_of("", ADDING) == ()


def test_results_section_filled_or_not() -> None:
    template = "## What changed\n\n<!-- hint -->\n\n## Experiment result\n\n<!-- metrics -->\n"
    assert pr_body.results_missing(template)
    assert not pr_body.results_missing(template.replace("<!-- metrics -->", "val/loss 0.37"))
    assert not pr_body.results_missing("## 실험 결과\n\nval/loss 0.42 → 0.37\n")
    assert pr_body.results_missing("no headings at all")
    assert pr_body.is_experiment("exp/gru", "feat: x") and not pr_body.is_experiment(
        "fix/a", "fix: b"
    )
