#!/usr/bin/env python3
"""Counts and evaluates an actlab network JSON file with nothing but the Python standard library:
an evaluator independent of actlab's Java code (y = A(W x + b) layer by layer).

    python3 scripts/network_info.py NET.json [x1 x2 ...]

prints the parameter count (every weight and bias), the nonzero ones, the hidden units, the depth and,
for a one-input network, its value at each x given."""
import json
import sys


def act(a, unit, z):
    if a == "relu":
        return max(z, 0.0)
    if a == "identity":
        return z
    c = a["polyrelu"]
    c = c[unit] if isinstance(c[0], list) else c
    r, y = max(z, 0.0), 0.0
    for ci in reversed(c):
        y = y * r + ci
    return y


def evaluate(net, x):
    h = x
    for layer in net["layers"]:
        h = [act(layer["activation"], i, b + sum(w * v for w, v in zip(row, h)))
             for i, (row, b) in enumerate(zip(layer["weights"], layer["bias"]))]
    return h


def main():
    net = json.load(open(sys.argv[1]))
    layers = net["layers"]
    entries = [v for l in layers for row in l["weights"] for v in row] + [b for l in layers for b in l["bias"]]
    print("parameters", len(entries))
    print("nonzero_parameters", sum(1 for v in entries if v != 0))
    print("hidden_units", sum(len(l["bias"]) for l in layers[:-1]))
    print("depth", len(layers))
    for x in sys.argv[2:]:
        print("f(%s)" % x, repr(evaluate(net, [float(x)])[0]))


if __name__ == "__main__":
    main()
