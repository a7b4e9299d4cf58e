"""PyTorch's side of 'actlab bench': the same activations on the same points, one thread, float64.

Usage: torch_scalar.py POINTS_FILE WARMUP PASSES XIELU_AP XIELU_AN XIELU_BETA A0 A1 A2 A3
Prints one line per activation: NAME BEST_PER_SECOND MEDIAN_PER_SECOND CHECKSUM.
The points are raw little-endian float64, written by actlab. Each activation is written as its reference
implementation computes it in eager PyTorch: GELU by torch's own (erf form), xIELU as the paper's
reference code (expm1 of min(x, -1e-6) on the negative branch), PolyReLU by Horner in ReLU(x).
"""
import sys
import time

import numpy as np
import torch

path, warmup, passes = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
ap, an, beta, a0, a1, a2, a3 = (float(v) for v in sys.argv[4:11])
torch.set_num_threads(1)
x = torch.from_numpy(np.fromfile(path, dtype="<f8"))


def xielu(x):
    return torch.where(x > 0, ap * x * x + beta * x, (torch.expm1(torch.clamp(x, max=-1e-6)) - x) * an + beta * x)


def gelu(x):
    return torch.nn.functional.gelu(x)


def polyrelu(x):
    r = torch.relu(x)
    return a0 + r * (a1 + r * (a2 + r * a3))


with torch.no_grad():
    for name, f in (("xielu", xielu), ("gelu", gelu), ("polyrelu", polyrelu)):
        for _ in range(warmup):
            y = f(x)
        rates = []
        for _ in range(passes):
            t0 = time.perf_counter()
            y = f(x)
            rates.append(x.numel() / (time.perf_counter() - t0))
        rates.sort()
        print(name, rates[-1], rates[len(rates) // 2], float(y.sum()), flush=True)
