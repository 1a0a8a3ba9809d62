"""The same models, data sizes, batch and optimiser as offchain-compute/ml/examples/throughput.rs,
in PyTorch on the CPU. Prints the same tab-separated lines (mode "pytorch")."""
import sys
import time

import torch
from torch import nn

ROWS, EPOCHS, BATCH = 8192, 3, 64


def mlp():
    return nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 128), nn.ReLU(), nn.Linear(128, 10))


class Cnn(nn.Module):
    def __init__(self):
        super().__init__()
        self.first = nn.Conv2d(1, 8, 3, padding=1)
        self.second = nn.Conv2d(8, 16, 3, padding=1)
        self.pool = nn.MaxPool2d(2, 2)
        self.head = nn.Linear(16 * 4 * 4, 10)

    def forward(self, rows):
        x = rows.reshape(-1, 1, 8, 8)
        x = torch.relu(self.first(x))
        x = torch.relu(self.second(x))
        return self.head(self.pool(x).flatten(1))


def measure(make, threads):
    torch.set_num_threads(threads)
    torch.manual_seed(7)
    x = torch.randn(ROWS, 64)
    y = torch.randint(0, 10, (ROWS,))
    model = make()
    optimiser = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    started = time.perf_counter()
    for _ in range(EPOCHS):
        order = torch.randperm(ROWS)
        for start in range(0, ROWS, BATCH):
            idx = order[start:start + BATCH]
            optimiser.zero_grad()
            loss = loss_fn(model(x[idx]), y[idx])
            loss.backward()
            optimiser.step()
            loss.item()
    train_rate = ROWS * EPOCHS / (time.perf_counter() - started)
    with torch.no_grad():
        for start in range(0, ROWS, BATCH):
            model(x[start:start + BATCH])
        started = time.perf_counter()
        for start in range(0, ROWS, BATCH):
            model(x[start:start + BATCH]).numpy()
        infer_ms = (time.perf_counter() - started) * 1000 / (ROWS / BATCH)
    return train_rate, infer_ms


if __name__ == "__main__":
    for name, make in [("mlp 64-128-128-10", mlp), ("cnn 8x8 c8-c16", Cnn)]:
        for threads in (1, 2):
            rate, ms = measure(make, threads)
            print(f"{name}\tpytorch\t{threads}\t{rate:.0f}\t{ms:.3f}")
            sys.stdout.flush()
