;; Memory written or read without a plain load or store: bulk memory, v128 accesses and WASI calls.
(module
  (import "wasi_snapshot_preview1" "random_get" (func $random_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "clock_time_get" (func $clock_time_get (param i32 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_open"
    (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data $hello "hello")
  (data (i32.const 0x800) "data/in.txt")

  ;; fill(at, byte, n) returns n + 7; both are on the stack below memory.fill's operands
  (func $fill (export "fill") (param $at i32) (param $byte i32) (param $n i32) (result i32)
    local.get $n
    i32.const 7
    (memory.fill (local.get $at) (local.get $byte) (local.get $n))
    i32.add)
  ;; clear(at) clears 4 bytes and returns at + 1, computed by one fused instruction after the fill
  (func $clear (export "clear") (param $at i32) (result i32)
    (memory.fill (local.get $at) (i32.const 0) (i32.const 4))
    local.get $at
    i32.const 1
    i32.add)
  (func $copy (export "copy") (param $to i32) (param $from i32) (param $n i32)
    (memory.copy (local.get $to) (local.get $from) (local.get $n)))
  (func $init (export "init") (param $to i32)
    (memory.init $hello (local.get $to) (i32.const 0) (i32.const 5)))

  ;; vstore(at) returns at + 1; at is on the stack below v128.store's operands
  (func $vstore (export "vstore") (param $at i32) (result i32)
    local.get $at
    (v128.store (local.get $at) (v128.const i32x4 1 2 3 4))
    i32.const 1
    i32.add)
  (func $vload (export "vload") (param $at i32) (result i32)
    (i32x4.extract_lane 1 (v128.load (local.get $at))))
  (func $vlane (export "vlane") (param $at i32)
    (v128.store8_lane 5 (local.get $at) (v128.const i8x16 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15)))

  (func $random (export "random") (param $at i32) (param $n i32) (result i32)
    (call $random_get (local.get $at) (local.get $n)))
  (func $now (export "now") (param $at i32) (result i32)
    (call $clock_time_get (i32.const 0) (i64.const 1) (local.get $at)))
  ;; read_file(buf, n): opens data/in.txt through the gate (descriptor 3) and reads up to n bytes of it into buf;
  ;; the iovec is at 0x900, the descriptor at 0x908, the count read at 0x90c. Returns the count, or -errno.
  (func $read_file (export "read_file") (param $buf i32) (param $n i32) (result i32)
    (local $errno i32)
    (local.set $errno (call $path_open (i32.const 3) (i32.const 0) (i32.const 0x800) (i32.const 11)
      (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 0x908)))
    (if (local.get $errno) (then (return (i32.sub (i32.const 0) (local.get $errno)))))
    (i32.store (i32.const 0x900) (local.get $buf))
    (i32.store (i32.const 0x904) (local.get $n))
    (local.set $errno
      (call $fd_read (i32.load (i32.const 0x908)) (i32.const 0x900) (i32.const 1) (i32.const 0x90c)))
    (if (local.get $errno) (then (return (i32.sub (i32.const 0) (local.get $errno)))))
    (i32.load (i32.const 0x90c)))
  ;; say(buf, n): writes the n bytes at buf to stdout; returns the errno
  (func $say (export "say") (param $buf i32) (param $n i32) (result i32)
    (i32.store (i32.const 0x910) (local.get $buf))
    (i32.store (i32.const 0x914) (local.get $n))
    (call $fd_write (i32.const 1) (i32.const 0x910) (i32.const 1) (i32.const 0x918))))
