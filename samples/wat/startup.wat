;; startup.wat: the data a module starts with, and a start function that runs before _start.
;; Try: jwdb samples/wat/startup.wat, then `x/s 0x100` and `info tables` before `run`, `break $init`, `run`.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)

  ;; The greeting, in memory from instantiation on, before any code runs.
  (data (i32.const 0x100) "hello, world.\0a\00")

  ;; Two edits _start applies to the greeting, through a table: slot 0 is filled by the element segment,
  ;; slot 1 by the start function.
  (type $edit (func (param i32)))
  (table $edits 2 funcref)
  (elem (table $edits) (i32.const 0) func $capitalize)
  (elem declare func $exclaim)

  ;; The greeting's length, measured by the start function.
  (global $length (mut i32) (i32.const 0))

  ;; The start function: instantiation runs it, before anything can call the module.
  (func $init
    (global.set $length (call $strlen (i32.const 0x100)))
    (table.set $edits (i32.const 1) (ref.func $exclaim)))

  ;; strlen(p): bytes up to the first NUL.
  (func $strlen (param $p i32) (result i32)
    (local $n i32)
    (block $end
      (loop $scan
        (br_if $end (i32.eqz (i32.load8_u (i32.add (local.get $p) (local.get $n)))))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $scan)))
    (local.get $n))

  ;; capitalize(p): the first letter to upper case.
  (func $capitalize (type $edit) (param $p i32)
    (i32.store8 (local.get $p) (i32.sub (i32.load8_u (local.get $p)) (i32.const 0x20))))

  ;; exclaim(p): the last character before the newline becomes '!'.
  (func $exclaim (type $edit) (param $p i32)
    (i32.store8 (i32.add (local.get $p) (i32.sub (global.get $length) (i32.const 2))) (i32.const 0x21)))

  ;; _start: both edits, then the greeting to stdout.
  (func (export "_start")
    (call_indirect $edits (type $edit) (i32.const 0x100) (i32.const 0))
    (call_indirect $edits (type $edit) (i32.const 0x100) (i32.const 1))
    ;; iovec at 0x10: the greeting and its length
    (i32.store (i32.const 0x10) (i32.const 0x100))
    (i32.store (i32.const 0x14) (global.get $length))
    (drop (call $fd_write (i32.const 1) (i32.const 0x10) (i32.const 1) (i32.const 0x18))))

  (start $init))
