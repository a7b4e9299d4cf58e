#!/usr/bin/env python3
"""Re-checks an 'actlab export' bundle under PyTorch, on CUDA (when present) and on the CPU.

    python3 check_export.py BUNDLE [--device cpu|cuda|all] [--grid N] [--bench N]

Activations: each module actlab emitted (activations/NAME.py, float64) must reproduce the catalogue's f and,
through autograd, f' at every test point of activations/NAME.csv within tolerance x term size (the size_f and
size_df columns: a first-order running error bound of the catalogue's formula plus the emitted one; two
correct float64 evaluations differ by a small multiple of u x size, u = 2^-53; the bundle's tolerance is
1e-13, about 450 u, as in 'actlab validate').

Networks: each saved network (networks/NAME.json, actlab-network/1) is evaluated here as batched matrix
products with a first-order bound rho(x) on its float64 rounding (Higham's gamma_(n+1) per dot product,
carried through the layers with the Lipschitz constants of ReLU and PolyReLU):
  * at the test points of networks/NAME.csv it must agree with Java's float64 evaluation within 2 rho;
  * on a dense grid of its interval or box (--grid points) the sampled sup error against the target must
    stay within what the file records: the certificate's float64 bound (one input), or bound + rho + the
    target's own rounding (two or more inputs). Sobolev targets are not re-implemented here; for them the
    error is held to the bound at the test points, with the Java target values.

Throughput (points per second, forward and backward for activations) is printed per device. Only torch and
the standard library are needed; it runs where only CPU PyTorch exists. Exit status 1 when a check fails.
"""
import argparse
import csv
import importlib.util
import json
import math
import pathlib
import sys
import time

import torch

U = 2.0 ** -53
MIN_NORMAL = 2.2250738585072014e-308


def device_list(choice):
    cuda = torch.cuda.is_available()
    if choice == "cuda" and not cuda:
        sys.exit("check_export: --device cuda, but torch.cuda.is_available() is False")
    if choice == "cpu":
        return ["cpu"]
    if choice == "cuda":
        return ["cuda"]
    return ["cuda", "cpu"] if cuda else ["cpu"]


def sync(device):
    if device == "cuda":
        torch.cuda.synchronize()


def read_csv(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    header, data = rows[0], rows[1:]
    columns = {name: [float(r[i]) for r in data] for i, name in enumerate(header)}
    return header, columns


def ratio(got, expected, size):
    """|got - expected| / size, elementwise; equal values (same infinity) and NaN against NaN give 0."""
    same = (got == expected) | (torch.isnan(got) & torch.isnan(expected))
    finite = torch.isfinite(got) & torch.isfinite(expected)
    unit = torch.clamp(size, min=MIN_NORMAL)
    r = torch.where(finite, (got - expected).abs() / unit, torch.full_like(got, math.inf))
    return torch.where(same, torch.zeros_like(r), r)


def load_module(path, device):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    classes = [v for v in vars(module).values()
               if isinstance(v, type) and issubclass(v, torch.nn.Module) and v is not torch.nn.Module]
    if len(classes) != 1:
        raise ValueError(f"{path}: expected one torch.nn.Module class, found {len(classes)}")
    return classes[0](dtype=torch.float64).to(device)


def check_activation(bundle, entry, devices, tolerance, bench):
    _, col = read_csv(bundle / entry["vectors"])
    ok = True
    for device in devices:
        model = load_module(bundle / entry["module"], device)
        x = torch.tensor(col["x"], dtype=torch.float64, device=device, requires_grad=True)
        y = model(x)
        (dy,) = torch.autograd.grad(y.sum(), x)
        results = []
        for label, got, key, size in (("f", y.detach(), "f", "size_f"), ("f'", dy, "df", "size_df")):
            expected = torch.tensor(col[key], dtype=torch.float64, device=device)
            r = ratio(got, expected, torch.tensor(col[size], dtype=torch.float64, device=device))
            i = int(torch.argmax(r).item())
            results.append((label, r[i].item(), col["x"][i], got[i].item(), col[key][i]))
        worst = max(w for _, w, _, _, _ in results)
        passed = worst <= tolerance
        ok &= passed
        rate = throughput_activation(model, device, bench[device])
        print(f"{'PASS' if passed else 'FAIL'}  {entry['name']:10s} {device:4s} vs catalogue {entry['catalogue']}: "
              + ", ".join(f"{label} {w:.2g} T" + (f" at x = {x!r}: torch {g!r}, java {e!r}" if w > 0 else "")
                          for label, w, x, g, e in results)
              + f"; {rate:.3g} points/s (forward + backward, {bench[device]} points)")
    return ok


def throughput_activation(model, device, n):
    g = torch.Generator().manual_seed(42)
    x = (torch.rand(n, generator=g, dtype=torch.float64) * 20 - 10).to(device).requires_grad_(True)
    for _ in range(2):
        torch.autograd.grad(model(x).sum(), x)
    sync(device)
    start = time.perf_counter()
    passes = 3
    for _ in range(passes):
        torch.autograd.grad(model(x).sum(), x)
    sync(device)
    return n * passes / (time.perf_counter() - start)


class Network:
    """An actlab-network/1 network in float64 torch, with the first-order rounding bound of its evaluation."""

    def __init__(self, spec, device):
        self.inputs = spec["input_dim"]
        self.layers = []
        for layer in spec["layers"]:
            w = torch.tensor(layer["weights"], dtype=torch.float64, device=device)
            b = torch.tensor(layer["bias"], dtype=torch.float64, device=device)
            act = layer["activation"]
            coeffs = None
            if isinstance(act, dict):
                c = act["polyrelu"]
                rows = c if isinstance(c[0], list) else [c] * w.shape[0]
                order = max(len(r) for r in rows) - 1
                coeffs = torch.zeros(order + 1, w.shape[0], dtype=torch.float64, device=device)
                for unit, r in enumerate(rows):
                    coeffs[:len(r), unit] = torch.tensor(r, dtype=torch.float64)
                act = "polyrelu"
            n = w.shape[1] + 1
            self.layers.append((w.t().contiguous(), w.abs().t().contiguous(), b, b.abs(), n * U / (1 - n * U), act, coeffs))

    def parameters(self):
        return sum(w.numel() + b.numel() for w, _, b, _, _, _, _ in self.layers)

    def __call__(self, x):
        h = x
        rho = torch.zeros_like(x)
        for w_t, abs_w_t, b, abs_b, gamma, act, coeffs in self.layers:
            z = h @ w_t + b
            rz = rho @ abs_w_t + gamma * (h.abs() @ abs_w_t + abs_b)
            if act == "relu":
                h, rho = torch.relu(z), rz
            elif act == "identity":
                h, rho = z, rz
            else:
                h, rho = polyrelu(z, rz, coeffs)
        return h, rho


def polyrelu(z, rz, coeffs):
    order = coeffs.shape[0] - 1
    r = torch.relu(z)
    r_plus = r + rz
    acc = coeffs[order].expand_as(z).clone()
    abs_sum = coeffs[order].abs().expand_as(z).clone()
    lipschitz = (order * coeffs[order].abs()).expand_as(z).clone()
    for i in range(order - 1, -1, -1):
        acc = acc * r + coeffs[i]
        abs_sum = abs_sum * r + coeffs[i].abs()
        if i >= 1:
            lipschitz = lipschitz * r_plus + i * coeffs[i].abs()
    g = 2 * order * U / (1 - 2 * order * U)
    rho = lipschitz * rz + g * abs_sum if order > 0 else torch.zeros_like(z)
    return acc, rho


def target_values(meta, x, device):
    """The target on the grid and a bound on its own float64 rounding, or None (Sobolev: not re-implemented)."""
    kind = meta["kind"]
    if kind == "target":
        left = torch.tensor(meta["left"], dtype=torch.float64, device=device)
        right = torch.tensor(meta["right"], dtype=torch.float64, device=device)
        t = x[:, 0]
        def horner(c):
            acc = torch.full_like(t, c[-1].item())
            for k in range(len(c) - 2, -1, -1):
                acc = acc * t + c[k]
            return acc
        # the certificate's float64 bound covers the target's rounding
        return torch.where(t > 0, horner(right), horner(left)).unsqueeze(1), torch.zeros_like(x[:, :1])
    if kind == "product":
        p = (x[:, 0] * x[:, 1]).unsqueeze(1)
        return p, U * p.abs()
    if kind == "network":
        return Network(meta["source"], device)(x)
    return None


def grid(lo, hi, d, n, device):
    m = max(2, int(math.floor(n ** (1.0 / d) + 1e-9)))
    axis = torch.linspace(lo, hi, m, dtype=torch.float64, device=device)
    mesh = torch.meshgrid(*([axis] * d), indexing="ij")
    return torch.stack([g.reshape(-1) for g in mesh], dim=1)


def check_network(bundle, entry, devices, grid_points):
    spec = json.loads((bundle / entry["file"]).read_text())
    meta = spec["approximates"]
    header, col = read_csv(bundle / entry["vectors"])
    d = entry["inputs"]
    ok = True
    for device in devices:
        net = Network(spec, device)
        xs = torch.tensor([col[f"x{k + 1}"] for k in range(d)], dtype=torch.float64, device=device).t()
        y, rho = net(xs)
        java = torch.tensor(col["java"], dtype=torch.float64, device=device).unsqueeze(1)
        agree = ((y - java).abs() <= 2 * rho + MIN_NORMAL).all().item()
        vector_gap = (y - java).abs().max().item()
        kind = meta["kind"]
        bound = meta["float64_bound"] if kind == "target" else meta["bound"]
        lo, hi = (meta["interval"] if kind == "target" else meta["box"])
        if kind == "sobolev":
            t = torch.tensor(col["target"], dtype=torch.float64, device=device).unsqueeze(1)
            slack = rho + 64 * U * torch.clamp(t.abs(), min=1.0)
            sampled = (t - y).abs().max().item()
            within = ((t - y).abs() <= bound + slack).all().item()
            where = f"{len(col['java'])} test points (Java's target values; the Sobolev function is not re-implemented here)"
            rate = float("nan")
        else:
            sampled, within, rate, count = dense(net, meta, lo, hi, d, grid_points[device], bound, device)
            where = f"{count} grid points"
        passed = agree and within
        ok &= passed
        print(f"{'PASS' if passed else 'FAIL'}  {entry['name']} {device}: {net.parameters()} parameters, {kind} on [{lo}, {hi}]"
              + (f"^{d}" if d > 1 else "") + f"; vs Java at {len(col['java'])} points: max |torch - java| {vector_gap:.3g}"
              + f" ({'within' if agree else 'BEYOND'} 2 rho); sampled sup error {sampled:.10g} on {where}, "
              + f"{'within' if within else 'BEYOND'} the recorded bound {bound:.10g}"
              + (f" (reached {sampled / bound:.6f} of it)" if bound > 0 else "")
              + (f"; {rate:.3g} grid points/s" if not math.isnan(rate) else ""))
    return ok


def dense(net, meta, lo, hi, d, n, bound, device):
    x_all = grid(lo, hi, d, n, device)
    worst, within = 0.0, True
    batch = max(1024, (1 << 22) // max(1, max(w.shape[1] for w, *_ in net.layers)))
    sync(device)
    start = time.perf_counter()
    for s in range(0, x_all.shape[0], batch):
        x = x_all[s:s + batch]
        y, rho = net(x)
        t, t_rho = target_values(meta, x, device)
        e = (t - y).abs()
        worst = max(worst, e.max().item())
        if meta["kind"] == "target":
            within &= bool((e <= bound).all().item())
        else:
            within &= bool((e <= bound + rho + t_rho).all().item())
    sync(device)
    return worst, within, x_all.shape[0] / (time.perf_counter() - start), x_all.shape[0]


def main():
    parser = argparse.ArgumentParser(description="Re-check an 'actlab export' bundle under PyTorch.")
    parser.add_argument("bundle", type=pathlib.Path)
    parser.add_argument("--device", choices=["cpu", "cuda", "all"], default="all")
    parser.add_argument("--grid", type=int, default=None, help="grid points per network (default: 1e6 CPU, 1e7 CUDA)")
    parser.add_argument("--bench", type=int, default=None, help="points of the activation throughput (default: 1e6 CPU, 1e7 CUDA)")
    args = parser.parse_args()
    manifest = json.loads((args.bundle / "manifest.json").read_text())
    if manifest.get("format") != "actlab-export/1":
        sys.exit(f"check_export: {args.bundle}/manifest.json is not an actlab-export/1 manifest")
    torch.set_default_dtype(torch.float64)
    devices = device_list(args.device)
    grid_points = {dev: args.grid or (10_000_000 if dev == "cuda" else 1_000_000) for dev in devices}
    bench = {dev: args.bench or (10_000_000 if dev == "cuda" else 1_000_000) for dev in devices}
    name = torch.cuda.get_device_name(0) if torch.cuda.is_available() else "none"
    print(f"torch {torch.__version__}, devices {devices} (CUDA device: {name}); bundle made by: {manifest['made_by']}")
    ok = True
    for entry in manifest["activations"]:
        ok &= check_activation(args.bundle, entry, devices, manifest["tolerance"], bench)
    for entry in manifest["networks"]:
        ok &= check_network(args.bundle, entry, devices, grid_points)
    print("all checks PASS" if ok else "some checks FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
