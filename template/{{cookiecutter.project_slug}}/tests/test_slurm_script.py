"""scripts/slurm/train.sbatch passes its config files on in order, then the multi-node one.

SLURM is not needed: a stand-in ``srun`` on PATH prints the command it was given."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from .conftest import ROOT

SCRIPT = ROOT / "scripts" / "slurm" / "train.sbatch"


def launched(tmp_path, *configs: str) -> list[str]:
    """The arguments the script hands to ``srun``, one per line."""
    srun = tmp_path / "srun"
    srun.write_text('#!/bin/sh\nprintf "%s\\n" "$@"\n')
    srun.chmod(0o755)
    env = {**os.environ, "PATH": f"{tmp_path}{os.pathsep}{os.environ['PATH']}",
           "SLURM_NNODES": "2", "SLURM_NTASKS_PER_NODE": "4"}  # fmt: skip
    done = subprocess.run(
        ["bash", str(SCRIPT), *configs], env=env, capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_the_default_config_when_none_is_given(tmp_path):
    args = launched(tmp_path)
    configs = [args[i + 1] for i, arg in enumerate(args) if arg == "--config"]
    assert configs == ["configs/default.yaml", "configs/trainer/multinode.yaml"]
    assert args[args.index("--trainer.num_nodes") + 1] == "2"
    assert args[args.index("--trainer.devices") + 1] == "4"


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_a_task_and_a_network_compose_in_order(tmp_path):
    args = launched(tmp_path, "configs/data/lm.yaml", "configs/model/gru.yaml")
    configs = [args[i + 1] for i, arg in enumerate(args) if arg == "--config"]
    assert configs == [
        "configs/data/lm.yaml", "configs/model/gru.yaml", "configs/trainer/multinode.yaml"
    ]  # fmt: skip
