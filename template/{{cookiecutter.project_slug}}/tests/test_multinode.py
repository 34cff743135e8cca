"""Multi-node training, simulated: two ``torchrun`` launches on this machine, one per
"node" (node ranks 0 and 1), joined over localhost with gloo on the CPU."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

from .conftest import CONFIGS, ROOT, configs

pytestmark = pytest.mark.slow
PACKAGE = {{ cookiecutter.package_name | py_str }}

TINY = [
    "--trainer.accelerator", "cpu", "--trainer.devices", "1",
    "--trainer.max_epochs", "1", "--trainer.limit_train_batches", "2",
    "--trainer.limit_val_batches", "1", "--trainer.enable_progress_bar", "false",
    "--trainer.enable_model_summary", "false",
    "--data.train_size", "128", "--data.val_size", "32", "--data.test_size", "32",
    "--data.batch_size", "16",
]  # fmt: skip


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def launch(rank: int, port: int, cwd) -> subprocess.Popen:
    """One "node": torchrun with this node's rank, starting one training process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "OMP_NUM_THREADS": "1"}
    env.pop("PYTEST_CURRENT_TEST", None)
    command = [
        sys.executable, "-m", "torch.distributed.run",
        "--nnodes", "2", "--node_rank", str(rank), "--nproc_per_node", "1",
        "--master_addr", "127.0.0.1", "--master_port", str(port),
        "-m", PACKAGE, "fit",
        *configs("lstm", "adding"),
        "--config", str(CONFIGS / "trainer" / "multinode.yaml"),
        *TINY,
    ]  # fmt: skip
    return subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


def test_two_nodes_on_localhost_train_together(tmp_path):
    port = free_port()
    nodes = [launch(rank, port, tmp_path) for rank in (0, 1)]
    try:
        outputs = [node.communicate(timeout=120)[0] for node in nodes]
    finally:
        for node in nodes:
            node.kill()
    for rank, (node, output) in enumerate(zip(nodes, outputs, strict=True)):
        assert node.returncode == 0, f"node {rank}:\n{output[-3000:]}"
        assert f"GLOBAL_RANK: {rank}, MEMBER: {rank + 1}/2" in output, output[-3000:]
    # Rank 0 alone writes the run's folder and its checkpoint.
    assert (tmp_path / "logs" / "lstm-adding" / "version_0" / "checkpoints" / "last.ckpt").is_file()
