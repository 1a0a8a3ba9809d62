"""The models, data sizes, expected batch and optimiser of offchain-compute/ml/examples/
dp_throughput.rs, in PyTorch on the CPU with one thread: plain training, and DP-SGD with
Opacus (Poisson sampling, per-sample clipping to 1.0, noise multiplier 1.0). Prints the same
tab-separated lines (mode "pytorch+opacus")."""
import sys
import time
import warnings

import torch
from torch import nn
from opacus import PrivacyEngine

# The same models as the plain PyTorch comparison.
from bench_torch import Cnn, mlp

warnings.filterwarnings("ignore")
ROWS, BATCH, STEPS = 4096, 64, 32


def data():
    torch.manual_seed(7)
    return torch.randn(ROWS, 64), torch.randint(0, 10, (ROWS,))


def plain(make):
    x, y = data()
    model, loss_fn = make(), nn.CrossEntropyLoss()
    optimiser = torch.optim.Adam(model.parameters(), lr=1e-3)
    started = time.perf_counter()
    order = torch.randperm(ROWS)
    for start in range(0, ROWS, BATCH):
        idx = order[start:start + BATCH]
        optimiser.zero_grad()
        loss_fn(model(x[idx]), y[idx]).backward()
        optimiser.step()
    return ROWS / (time.perf_counter() - started)


def private(make):
    x, y = data()
    model, loss_fn = make(), nn.CrossEntropyLoss()
    optimiser = torch.optim.Adam(model.parameters(), lr=1e-3)
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x, y), batch_size=BATCH)
    model, optimiser, loader = PrivacyEngine().make_private(
        module=model, optimizer=optimiser, data_loader=loader,
        noise_multiplier=1.0, max_grad_norm=1.0, poisson_sampling=True)
    steps, rows = 0, 0
    started = time.perf_counter()
    while steps < STEPS:
        for bx, by in loader:
            if steps == STEPS:
                break
            optimiser.zero_grad()
            loss_fn(model(bx), by).backward()
            optimiser.step()
            steps, rows = steps + 1, rows + len(bx)
    return rows / (time.perf_counter() - started)


torch.set_num_threads(1)
for name, make in [("mlp 64-128-128-10", mlp), ("cnn 8x8 c8-c16", Cnn)]:
    print(f"{name}\tpytorch+opacus\t{plain(make):.0f}\t{private(make):.0f}")
    sys.stdout.flush()
