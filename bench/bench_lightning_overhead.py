"""Lightning's training loop against a plain PyTorch loop, same model, data and seed.

Run by hand: ``python bench/bench_lightning_overhead.py [--batches 50] [--batch-size 128]``.

The model is the generated project's own ``RegressionModule`` (the LightningModule a
learner trains) given its ``RecurrentNet`` as an LSTM(10, 20) through ``net=`` (the
factory LightningCLI injects from ``model.init_args.net``), on 100-step sequences of 10
features, as in Lightning's parity benchmark. Both loops call the same ``loss`` and the
same optimiser from ``configure_optimizers``; both read the same DataLoader (main process,
no workers). The plain loop does forward, loss, ``zero_grad`` (set_to_none), backward, step and
``loss.item()`` per step. The Lightning trainer turns off only what the plain loop does
not do either:

    Trainer setting                              why
    logger=False                                 the plain loop writes no logs
    enable_progress_bar=False                    no progress bar in the plain loop
    enable_model_summary=False                   no summary printed
    enable_checkpointing=False                   no checkpoints written
    limit_val_batches=0, num_sanity_val_steps=0  no validation in the plain loop
    callbacks=[EpochTimer]                       times each epoch (no per-step work)

Everything in the generated module stays on: its ``training_step``, loss, AdamW from
``configure_optimizers``, automatic optimisation, and its ``train/loss`` bookkeeping (a
summed loss per step, one torchmetrics update and one ``self.log`` per epoch). What is
left is Lightning's own fixed Python per step (hooks, closure, data fetcher, printed in
ms), so the ratio shrinks as the step grows: batches of 512 sit within 5%, batches of
32 do not. Per-epoch times are medians over alternating runs, leaving out each run's
first epoch; goal: ratio <= 1.05. On a shared 2-core machine the epochs vary by tens of
percent; raise ``--repeats`` before trusting a difference of a few percent, and use
``--threads 1`` when other work shares the cores: two OpenMP threads that wait for a busy
core make every epoch up to ten times slower, at random, in either loop.
"""

from __future__ import annotations

import argparse
import functools
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from mergecamp.demo import bake

GOAL = 1.05


def load_module(workdir: Path):
    """The baked project's module class with its network factory bound (what the
    config's ``model.init_args.net`` becomes)."""
    project = bake(workdir)
    sys.path.insert(0, str(project / "src"))
    from sequence_lab.models import RecurrentNet
    from sequence_lab.module import RegressionModule

    net = functools.partial(RecurrentNet, arch="lstm", hidden_size=20)
    return functools.partial(RegressionModule, net=net)


def make_data(batches: int, batch_size: int = 32):
    import torch
    from torch.utils.data import DataLoader, TensorDataset

    generator = torch.Generator().manual_seed(0)
    x = torch.randn(batches * batch_size, 100, 10, generator=generator)
    y = x[:, :, 0].mean(dim=1) * 3  # a learnable target, so the losses fall
    return DataLoader(TensorDataset(x, y), batch_size=batch_size, shuffle=False)


def new_model(module_class):
    import torch

    torch.manual_seed(0)
    return module_class(input_size=10, output_size=1, lr=1e-3)


def plain_loop(module_class, loader, epochs: int) -> tuple[list[float], float]:
    model = new_model(module_class)
    optimizer = model.configure_optimizers()
    model.train()
    times, last_losses = [], []
    for _ in range(epochs):
        start, losses = time.perf_counter(), []
        for x, y in loader:
            loss = model.loss(model(x), y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
        times.append(time.perf_counter() - start)
        last_losses = losses
    return times, statistics.fmean(last_losses)


def lightning_loop(module_class, loader, epochs: int) -> tuple[list[float], float]:
    import lightning as L

    class EpochTimer(L.Callback):
        def __init__(self) -> None:
            self.times: list[float] = []

        def on_train_epoch_start(self, trainer, pl_module) -> None:
            self.start = time.perf_counter()

        def on_train_epoch_end(self, trainer, pl_module) -> None:
            self.times.append(time.perf_counter() - self.start)

    timer = EpochTimer()
    trainer = L.Trainer(
        max_epochs=epochs, accelerator="cpu", devices=1, logger=False,
        enable_checkpointing=False, enable_progress_bar=False, enable_model_summary=False,
        num_sanity_val_steps=0, limit_val_batches=0, callbacks=[timer],
    )  # fmt: skip
    model = new_model(module_class)
    trainer.fit(model, train_dataloaders=loader)
    return timer.times, float(trainer.callback_metrics.get("train/loss", float("nan")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=4, help="epochs per loop (first is warm-up)")
    parser.add_argument("--batches", type=int, default=50, help="batches per epoch")
    parser.add_argument("--batch-size", type=int, default=128)
    parser.add_argument("--repeats", type=int, default=3, help="alternating runs of each loop")
    parser.add_argument("--threads", type=int, default=0, help="torch threads (0: its default)")
    args = parser.parse_args()

    import logging
    import warnings

    import torch

    if args.threads:
        torch.set_num_threads(args.threads)
        # Lightning sets the thread count itself unless OMP_NUM_THREADS is set.
        os.environ["OMP_NUM_THREADS"] = str(args.threads)
    warnings.filterwarnings("ignore")
    logging.getLogger("lightning.pytorch").setLevel(logging.ERROR)
    plain_times, light_times = [], []
    with tempfile.TemporaryDirectory() as workdir:
        module_class = load_module(Path(workdir))
        loader = make_data(args.batches, args.batch_size)
        lightning_loop(module_class, loader, 1)  # warm both code paths once
        # Alternate the two loops so a busy moment on the machine hits both alike.
        for _ in range(args.repeats):
            times, plain_loss = plain_loop(module_class, loader, args.epochs)
            plain_times += times[1:]
            times, light_loss = lightning_loop(module_class, loader, args.epochs)
            light_times += times[1:]

    plain = statistics.median(plain_times)
    light = statistics.median(light_times)
    ratio = light / plain
    print(
        f"LSTM(10, 20), 100 steps, {args.batches} batches of {args.batch_size}, "
        f"{args.epochs} epochs, "
        f"{args.repeats} alternating runs each (median epoch after the first), "
        f"{torch.get_num_threads()} torch threads"
    )
    print(f"{'loop':<12}{'s/epoch':>10}{'final train loss':>20}")
    print(f"{'plain':<12}{plain:>10.3f}{plain_loss:>20.6f}")
    print(f"{'lightning':<12}{light:>10.3f}{light_loss:>20.6f}")
    verdict = "within" if ratio <= GOAL else "OVER"
    print(f"ratio lightning/plain per epoch: {ratio:.3f} ({verdict} the {GOAL:.2f} goal)")
    per_step = (light - plain) / args.batches * 1000
    print(f"Lightning's own cost: {per_step:.2f} ms per step")
    print(f"final losses differ by {abs(light_loss - plain_loss):.2e}")


if __name__ == "__main__":
    main()
