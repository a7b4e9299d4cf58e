#!/usr/bin/env bash
# Writes the PyTorch modules that 'actlab derive NAME --emit pytorch' emits, with test vectors from the
# numeric catalogue (x, f, f'), into DIR; 'python3 scripts/check_pytorch.py DIR' then checks them under
# PyTorch (float64, autograd for f'). The two halves can run on different machines (PyTorch needs no Java).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${1:?usage: scripts/pytorch-vectors.sh DIR}"
mkdir -p "$dir"
xs="-40,-12.5,-5.25,-1,-0.001,-1e-7,0,1e-7,0.001,0.75,2.5,12.5,40"
# derived name -> catalogue name (and catalogue parameters)
while read -r name catalogue params; do
  "$root/actlab" derive "$name" --emit pytorch -o "$dir/$name.py"
  "$root/actlab" eval "$catalogue" $params --x="$xs" --derivative 1 -o "$dir/$name.csv"
done <<'LIST'
xielu xielu
ielu ielu
xiprelu xiprelu
xiep xiep
relu2 relu-power
silu silu
gelu gelu
sigmoid sigmoid
softplus softplus --param threshold=700
LIST
echo "wrote $dir: run 'python3 scripts/check_pytorch.py $dir' where PyTorch is installed"
