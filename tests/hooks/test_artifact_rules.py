"""The artifact rule (pure functions, no git)."""

from __future__ import annotations

import pytest
from mergecamp_hooks.no_artifacts import check_files, classify


@pytest.mark.parametrize(
    ("path", "size", "kind"),
    [
        ("model.ckpt", 10, "weights"),
        ("checkpoints/epoch=3.CKPT", 10, "weights"),
        ("export/model.onnx", None, "weights"),
        ("w.safetensors", 1, "weights"),
        ("best.pth", 1, "weights"),
        ("lightning_logs/version_0/hparams.yaml", 1, "logs"),
        ("runs/wandb/run-1/files/config.yaml", 1, "logs"),
        ("mlruns/0/meta.yaml", 1, "logs"),
        ("tb/events.out.tfevents.1700000000.host", 1, "logs"),
        ("data/train.csv", 600 * 1024, "large"),
        ("data/train.csv", 400 * 1024, None),
        ("src/pkg/models/recurrent.py", 3000, None),
        ("docs/wandb.md", 10, None),  # a file *named* like a logger is fine
        ("src/pkg/pt.py", 10, None),
    ],
)
def test_classify(path: str, size: int | None, kind: str | None) -> None:
    assert classify(path, size, max_kb=500) == kind


def test_one_problem_per_kind_with_the_exact_commands() -> None:
    sizes = {"data/big.csv": 2_000_000}
    paths = [
        "a.ckpt",
        "b/c.pt",
        "lightning_logs/v0/m.csv",
        "lightning_logs/v1/m.csv",
        "data/big.csv",
        "ok.py",
    ]
    problems = {p.code: p for p in check_files(paths, 500, size_of=lambda p: sizes.get(p, 1))}
    assert set(problems) == {"artifact.weights", "artifact.logs", "artifact.large"}
    assert problems["artifact.weights"].fix == (
        "git rm --cached -r -- '*.ckpt' '*.pt' && printf '%s\\n' '*.ckpt' '*.pt' >> .gitignore"
    )
    assert problems["artifact.logs"].fix == (
        "git rm --cached -r -- lightning_logs && echo lightning_logs/ >> .gitignore"
    )
    assert problems["artifact.large"].fix == (
        "git rm --cached -- data/big.csv && echo data/big.csv >> .gitignore"
    )
    assert '"data/big.csv" (1953 KB)' in problems["artifact.large"].found


def test_limit_and_lfs() -> None:
    big = {"data/big.csv": 2_000_000}
    assert check_files(["data/big.csv"], 5000, size_of=big.get) == []
    assert check_files(["model.ckpt"], lfs=frozenset({"model.ckpt"})) == []
