"""Checks actlab's emitted PyTorch modules against catalogue test vectors (see pytorch-vectors.sh).

For every NAME.py / NAME.csv pair in DIR: the module (float64, default parameters) must reproduce
the catalogue's f and, through autograd, f' at every x. Tolerance: 1e-12 relative to
max(|value|, 1 + |x|) (the same terms in a possibly different order and different libm; see
EmittedCodeTest). Prints one line per activation; exits 1 if any fails.
"""
import csv
import importlib.util
import pathlib
import sys

import torch


def load(path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    classes = [v for k, v in vars(module).items() if isinstance(v, type) and issubclass(v, torch.nn.Module)
               and v is not torch.nn.Module]
    return classes[0](dtype=torch.float64)


def main(directory):
    failed = 0
    for py in sorted(pathlib.Path(directory).glob("*.py")):
        rows = list(csv.DictReader(open(py.with_suffix(".csv"))))
        xs = torch.tensor([float(r["x"]) for r in rows], dtype=torch.float64, requires_grad=True)
        model = load(py)
        y = model(xs)
        (dy,) = torch.autograd.grad(y.sum(), xs)
        worst = 0.0
        for i, r in enumerate(rows):
            x = float(r["x"])
            scale = max(abs(float(r["y"])), 1 + abs(x))
            worst = max(worst, abs(y[i].item() - float(r["y"])) / scale,
                        abs(dy[i].item() - float(r["dy"])) / max(abs(float(r["dy"])), 1 + abs(x)))
        ok = worst <= 1e-12
        failed += not ok
        device = "cuda" if torch.cuda.is_available() else "cpu"
        print(f"{'PASS' if ok else 'FAIL'}  {py.stem:10s} worst relative difference {worst:.2e} (f and autograd f', {device} available)")
        if torch.cuda.is_available():
            yc = load(py).to("cuda")(xs.detach().to("cuda")).cpu()
            gpu = (yc - y.detach()).abs().max().item()
            print(f"      {py.stem:10s} CUDA vs CPU max difference {gpu:.2e}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "pytorch-vectors"))
