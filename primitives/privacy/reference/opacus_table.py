"""Prints the reference table of `tests/opacus.rs`: epsilon by Opacus's RDP accountant.

Run by `primitives/privacy/reference/opacus-table.sh`, which installs Opacus into a venv.
The accountant's analysis module is loaded from its file, because importing the `opacus`
package pulls in PyTorch, which the analysis does not use. It is what
`opacus.accountants.RDPAccountant.get_epsilon(delta)` computes for the same history: the
sum over the history of `compute_rdp` at the default orders, then `get_privacy_spent`.
"""
import importlib.metadata
import importlib.util
import pathlib

# Found, not imported: importing the package would import torch.
root = pathlib.Path(importlib.util.find_spec("opacus").submodule_search_locations[0])
spec = importlib.util.spec_from_file_location("rdp", root / "accountants" / "analysis" / "rdp.py")
rdp = importlib.util.module_from_spec(spec)
spec.loader.exec_module(rdp)

ORDERS = [1 + x / 10.0 for x in range(1, 100)] + list(range(12, 64))

# (sampling rate in parts per billion, noise multiplier in thousandths, steps), ..., delta
# in parts per 10^18. The first are the settings of well-known DP-SGD examples.
CASES = [
    ([(4_266_667, 1100, 14_040)], 10_000_000_000_000),  # Opacus MNIST: 256/60000, 60 epochs
    ([(4_266_667, 1300, 2_340)], 10_100_000_000_000),  # colearn MNIST: noise 1.3, delta 1.01e-5
    ([(1_000_000, 700, 10_000)], 10_000_000_000_000),
    ([(10_000_000, 1000, 1_000)], 10_000_000_000_000),
    ([(10_000_000, 1100, 10_000)], 10_000_000_000_000),
    ([(4_000_000, 1300, 10_000)], 10_000_000_000_000),
    ([(20_000_000, 800, 500)], 10_000_000_000_000),
    ([(100_000_000, 2000, 100)], 10_000_000_000_000),
    ([(50_000_000, 1000, 2_000)], 1_000_000_000_000),
    ([(256_000_000, 1100, 60)], 10_000_000_000_000),
    ([(10_000_000, 4000, 10_000)], 10_000_000_000_000),
    ([(500_000_000, 1000, 20)], 10_000_000_000_000),
    ([(1_000_000_000, 5000, 10)], 10_000_000_000_000),
    ([(10_000_000, 600, 100)], 10_000_000_000_000),
    ([(1_000_000_000, 1000, 1)], 10_000_000_000_000),
    ([(1_000_000, 1000, 1)], 10_000_000_000_000),
    ([(30_000_000, 500, 50)], 100_000_000_000),
    ([(5_000_000, 1500, 100_000)], 10_000_000_000_000),
    ([(200_000_000, 3000, 1_000)], 10_000_000_000_000),
    ([(10_000_000, 10_000, 1_000_000)], 10_000_000_000_000),
    ([(64_000_000, 900, 3_000)], 10_000_000_000_000),
    ([(2_000_000, 800, 50_000)], 1_000_000_000_000),
    ([(900_000_000, 20_000, 100)], 10_000_000_000_000),
    ([(100_000, 500, 1_000)], 10_000_000_000_000),
    # Several proposals of one learner, with other parameters each time.
    ([(10_000_000, 1000, 500), (20_000_000, 1300, 300)], 10_000_000_000_000),
    ([(4_266_667, 1100, 2_340), (4_266_667, 1100, 2_340), (4_266_667, 1100, 2_340)], 10_000_000_000_000),
    ([(100_000_000, 2000, 50), (1_000_000_000, 5000, 5), (1_000_000, 700, 1_000)], 1_000_000_000_000),
]


def epsilon(history, delta):
    total = 0
    for q, sigma, steps in history:
        total = total + rdp.compute_rdp(
            q=q / 1e9, noise_multiplier=sigma / 1e3, steps=steps, orders=ORDERS
        )
    eps, _ = rdp.get_privacy_spent(orders=ORDERS, rdp=total, delta=delta / 1e18)
    return eps


print(f"// Opacus {importlib.metadata.version('opacus')} (`reference/opacus-table.sh`).")
for history, delta in CASES:
    steps = ", ".join(f"({q}, {s}, {t})" for q, s, t in history)
    print(f"\t(&[{steps}], {delta}, {float(epsilon(history, delta))!r}),")
