#!/usr/bin/env bash
# Start-up of jwdb, median wall clock of 10 runs (issue 5, acceptance 4):
#   1. jwdb --version
#   2. jwdb BIG.wasm in a real terminal (tmux) until the prompt "(jwdb) " is on the screen, BIG.wasm being ~1 MB.
# Usage: samples/measure-startup.sh   (needs python3 and tmux; builds jwdb and its class-data archive first)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$root/samples/big-module.py" "$work/big.wat"
"$root/jwdb" wat2wasm "$work/big.wat" -o "$work/big.wasm"
echo "module: $(stat -c %s "$work/big.wasm") bytes"
median() { sort -n | awk '{a[NR]=$1} END {print (a[5]+a[6])/2 " ms"}'; }
now() { date +%s%N; }

echo -n "jwdb --version: "
for i in $(seq 10); do
  s=$(now); "$root/jwdb" --version >/dev/null; e=$(now); echo $(( (e - s) / 1000000 ))
done | median

echo -n "jwdb big.wasm to the prompt (tmux): "
for i in $(seq 10); do
  session="jwdb-startup-$$-$i"
  s=$(now)
  tmux new-session -d -s "$session" -x 120 -y 30 "JWDB_HOME='$work' '$root/jwdb' '$work/big.wasm'"
  until tmux capture-pane -p -t "$session" 2>/dev/null | grep -q '^(jwdb)'; do sleep 0.005; done
  e=$(now)
  tmux kill-session -t "$session"
  echo $(( (e - s) / 1000000 ))
done | median
