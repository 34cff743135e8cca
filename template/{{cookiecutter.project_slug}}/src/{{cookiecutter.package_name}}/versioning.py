"""Data versioning without putting data in git: a fingerprint of what a run trained on.

``data_version`` hashes the exact numbers of the train, val and test splits (after the
data module's setup), so two runs with the same hash saw the same data, whatever file,
seed or generator produced it. runs.py writes it into each run's run.json next to the
git commit. Large data files themselves belong in a versioning tool (the README shows
the DVC way), never in git.
"""

from __future__ import annotations

import hashlib

import torch
from torch.utils.data import Dataset, Subset, TensorDataset


def _feed(digest: hashlib._Hash, value: object) -> None:
    if isinstance(value, torch.Tensor):
        tensor = value.detach().cpu().contiguous()
        digest.update(f"{tensor.dtype}{tuple(tensor.shape)}".encode())
        digest.update(tensor.numpy().tobytes())
    elif isinstance(value, list | tuple):
        for item in value:
            _feed(digest, item)
    else:
        digest.update(repr(value).encode())


def dataset_sha256(dataset: Dataset) -> str:
    digest = hashlib.sha256()
    if isinstance(dataset, TensorDataset):
        _feed(digest, list(dataset.tensors))
    elif isinstance(dataset, Subset) and isinstance(dataset.dataset, TensorDataset):
        _feed(digest, [t[dataset.indices] for t in dataset.dataset.tensors])
    else:  # any other map-style dataset, item by item
        for index in range(len(dataset)):  # type: ignore[arg-type]
            _feed(digest, dataset[index])
    return digest.hexdigest()


def data_version(datamodule: object) -> dict[str, object] | None:
    """``{"sha256": …, "splits": {"train": {"sha256", "size"}, …}}``, or None without data."""
    if datamodule is None:
        return None
    splits = {}
    for split in ("train", "val", "test"):
        dataset = getattr(datamodule, f"{split}_set", None)
        if dataset is not None:
            splits[split] = {"sha256": dataset_sha256(dataset), "size": len(dataset)}
    if not splits:
        return None
    combined = hashlib.sha256("".join(s["sha256"] for s in splits.values()).encode())
    return {"class": type(datamodule).__name__, "sha256": combined.hexdigest(), "splits": splits}
