#!/usr/bin/env bash
# Start-up of jwdb, median wall clock of 10 runs (issue 5, acceptance 4):
#   1. jwdb --version
#   2. jwdb BIG.wasm in a real terminal (tmux) until the prompt "(jwdb) " has been written to it, BIG.wasm ~1 MB.
# For 2, the pane notes the time and execs jwdb; tmux pipes what the pane shows to a small reader (pipe-pane), which
# notes the time the prompt arrives. Nothing polls the screen meanwhile, so the measuring takes no CPU from jwdb.
# Usage: samples/measure-startup.sh [RUNS]   (needs python3 and tmux; builds jwdb and its class-data archive first)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-10}
work=$(mktemp -d)
tmux=(tmux -L "jwdb-startup-$$")
trap '"${tmux[@]}" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
python3 "$root/samples/big-module.py" "$work/big.wat"
"$root/jwdb" wat2wasm "$work/big.wat" -o "$work/big.wasm"
echo "module: $(stat -c %s "$work/big.wasm") bytes; load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2) " ms"}'; }
now() { date +%s%N; }

echo -n "jwdb --version: "
for i in $(seq "$runs"); do
  s=$(now); "$root/jwdb" --version >/dev/null; e=$(now); echo $(( (e - s) / 1000000 ))
done | median

# Reads the pane's output from stdin; writes the time the prompt arrived to $2 (after saying it is ready in $1).
cat >"$work/prompt.py" <<'EOF'
import os, sys, time
open(sys.argv[1], "w").close()
seen = b""
while True:
    data = os.read(0, 65536)
    if not data:
        break
    seen += data
    if b"(jwdb) " in seen:
        with open(sys.argv[2], "w") as f:
            f.write(str(time.time_ns()))
        break
EOF
echo -n "jwdb big.wasm to the prompt (tmux): "
for i in $(seq "$runs"); do
  rm -f "$work/ready" "$work/start" "$work/prompt"
  q() { printf '%q' "$1"; }
  "${tmux[@]}" new-session -d -s "run$i" -x 120 -y 30 \
    "until [ -e $(q "$work/ready") ]; do sleep 0.01; done; date +%s%N >$(q "$work/start");
     JWDB_HOME=$(q "$work") exec $(q "$root/jwdb") $(q "$work/big.wasm")"
  "${tmux[@]}" pipe-pane -t "run$i" -O "python3 $(q "$work/prompt.py") $(q "$work/ready") $(q "$work/prompt")"
  for _ in $(seq 300); do [ -s "$work/prompt" ] && break; sleep 0.1; done
  "${tmux[@]}" kill-session -t "run$i"
  [ -s "$work/prompt" ] || { echo "no prompt within 30 s" >&2; exit 1; }
  echo $(( ($(cat "$work/prompt") - $(cat "$work/start")) / 1000000 ))
done | median
