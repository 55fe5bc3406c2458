;; buffers.wat: memory that changes without a store instruction: memory.fill, memory.copy, and a WASI call that
;; writes into a buffer. Prints a random id: `id: d70d3259e4e1cb63` on every run with --random-seed 7.
;; Try: jwdb --random-seed 7 samples/wat/buffers.wat, then `watch 0x200:4`, `run`, `continue`.
(module
  (import "wasi_snapshot_preview1" "random_get" (func $random_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)

  (data (i32.const 0x100) "0123456789abcdef")
  ;; the buffer for the random bytes, holding what a previous user left in it
  (data (i32.const 0x200) "stale!!!")
  ;; the line printed: the id's 16 digits go after "id: "
  (data (i32.const 0x400) "id: ")

  ;; hex(from, n, to): the n bytes at from as 2n hex digits at to.
  (func $hex (param $from i32) (param $n i32) (param $to i32)
    (local $i i32) (local $b i32)
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $b (i32.load8_u (i32.add (local.get $from) (local.get $i))))
        (i32.store8 (local.get $to) (i32.load8_u offset=0x100 (i32.shr_u (local.get $b) (i32.const 4))))
        (i32.store8 offset=1 (local.get $to) (i32.load8_u offset=0x100 (i32.and (local.get $b) (i32.const 15))))
        (local.set $to (i32.add (local.get $to) (i32.const 2)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $each))))

  (func (export "_start")
    ;; clear the buffer, fill it with 8 random bytes, spell them at 0x300
    (memory.fill (i32.const 0x200) (i32.const 0) (i32.const 8))
    (drop (call $random_get (i32.const 0x200) (i32.const 8)))
    (call $hex (i32.const 0x200) (i32.const 8) (i32.const 0x300))
    ;; the digits after "id: ", then a newline
    (memory.copy (i32.const 0x404) (i32.const 0x300) (i32.const 16))
    (i32.store8 (i32.const 0x414) (i32.const 0x0a))
    ;; iovec at 0x10: the line and its length
    (i32.store (i32.const 0x10) (i32.const 0x400))
    (i32.store (i32.const 0x14) (i32.const 21))
    (drop (call $fd_write (i32.const 1) (i32.const 0x10) (i32.const 1) (i32.const 0x18)))))
