#!/usr/bin/env bash
# Rebuilds every committed .wasm of the samples from its source. Needs clang with wasi-libc (wasm32-wasi) and a
# rustc with the wasm32-wasi target (Debian's /usr/bin/rustc has it; set RUSTC to use another).
# Names are kept (no strip of the name section) so that jwdb's backtraces show function names; only debug-info and
# debug-info-rust keep their DWARF (-g). The .wat samples (wat/, traps/, bad-pointers/) need no build: jwdb loads
# text directly.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
CC=${CC:-clang}
RUSTC=${RUSTC:-/usr/bin/rustc}

# Each compiler runs in the sample's directory so that source paths baked into the binary (Rust's panic
# locations) are bare file names and the output does not depend on where the checkout is.
c() { # c DIR/OUT.wasm DIR/SOURCE.c [EXTRA CLANG FLAGS...]
  echo "build.sh: $1" >&2
  # wasi-libc may come with DWARF of its own (Debian's does): without -g the sample keeps none, so that jwdb shows
  # it at the Wasm level rather than with the C library's source lines.
  local strip=-Wl,--strip-debug
  for flag in "${@:3}"; do [ "$flag" = -g ] && strip=; done
  # -fdebug-prefix-map: DWARF records the directory of the build; keep it "." rather than this checkout's path.
  (cd "$(dirname "$1")" && "$CC" --target=wasm32-wasi -O2 -fdebug-prefix-map="$PWD"=. $strip "${@:3}" \
    -o "$(basename "$1")" "$(basename "$2")")
}
rust() { # rust DIR/OUT.wasm DIR/SOURCE.rs
  echo "build.sh: $1" >&2
  (cd "$(dirname "$1")" && "$RUSTC" --target wasm32-wasi -O -C strip=debuginfo -o "$(basename "$1")" "$(basename "$2")")
}
# Debian's Rust standard library and its C library come with full DWARF: a program built with -g against them is
# 7 MB, nearly all of it theirs. rust_g links against a copy of the target's libraries with their DWARF removed
# (every object of every archive relinked alone by wasm-ld -r --strip-debug; llvm-strip leaves wasm objects'
# relocations broken), so the sample keeps the DWARF of its own crate only: the std code the crate instantiates
# (Vec<T>'s methods, iterators) is part of it, with lines in std's sources, which are not here.
sysroot=
stripped_sysroot() {
  [ -n "$sysroot" ] && return
  sysroot=$(mktemp -d)
  trap 'rm -rf "$sysroot"' EXIT
  local src dst archive member work n
  src=$("$RUSTC" --print sysroot)/lib/rustlib/wasm32-wasi/lib
  dst=$sysroot/lib/rustlib/wasm32-wasi/lib
  mkdir -p "$dst/self-contained"
  echo "build.sh: stripping the DWARF of $src into $sysroot (a minute)" >&2
  for archive in "$src"/*.rlib "$src"/self-contained/*.a; do
    work=$(mktemp -d -p "$sysroot")
    local -A seen=()
    local members=()
    n=0
    while read -r member; do # one at a time, by instance: wasi-libc's libc.a has two errno.o
      n=$((n + 1))
      seen[$member]=$(( ${seen[$member]:-0} + 1 ))
      mkdir "$work/$n"
      (cd "$work/$n" && ar xN "${seen[$member]}" "$archive" "$member")
      case $member in
        *.o) wasm-ld -r --no-demangle --strip-debug -o "$work/$n/stripped.o" "$work/$n/$member"
             mv "$work/$n/stripped.o" "$work/$n/$member" ;;
      esac
      members+=("$work/$n/$member")
    done < <(ar t "$archive")
    llvm-ar qcs "$dst/${archive#"$src"/}" "${members[@]}"
    rm -rf "$work"
    unset seen
  done
  for member in "$src"/self-contained/*.o; do
    wasm-ld -r --no-demangle --strip-debug -o "$dst/self-contained/$(basename "$member")" "$member"
  done
}
rust_g() { # rust_g DIR/OUT.wasm DIR/SOURCE.rs: at -O0 with the crate's DWARF, none of the libraries'
  stripped_sysroot
  echo "build.sh: $1" >&2
  # --remap-path-prefix: DWARF records the directory of the build; keep it "." rather than this checkout's path.
  (cd "$(dirname "$1")" && "$RUSTC" --target wasm32-wasi --sysroot "$sysroot" -g -C opt-level=0 \
    --remap-path-prefix="$PWD"=. -o "$(basename "$1")" "$(basename "$2")")
}

c logger/logger-c.wasm logger/logger.c
rust logger/logger-rust.wasm logger/logger.rs
c wasi-conformance/fileops-c.wasm wasi-conformance/fileops.c
rust wasi-conformance/fileops-rust.wasm wasi-conformance/fileops.rs
c wasi-conformance/process-c.wasm wasi-conformance/process.c
rust wasi-conformance/process-rust.wasm wasi-conformance/process.rs
rust env-clock-random/now.wasm env-clock-random/now.rs
rust env-clock-random/hashmap.wasm env-clock-random/hashmap.rs
rust env-clock-random/greet.wasm env-clock-random/greet.rs
c echo-server/echo-server.wasm echo-server/echo-server.c
c http-get/http-get.wasm http-get/http-get.c
c fs-tool/fs-tool.wasm fs-tool/fs-tool.c
c files/files.wasm files/files.c
c simd/simd-kernels.wasm simd/simd-kernels.c -msimd128
# -O0 after -O2 wins: every C variable keeps a place in memory and every line its own instructions.
c debug-info/stats.wasm debug-info/stats.c -O0 -g
c debug-info/stats-dwarf5.wasm debug-info/stats.c -O0 -g -gdwarf-5
rust_g debug-info-rust/scores.wasm debug-info-rust/scores.rs
