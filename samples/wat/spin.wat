;; spin.wat: a function that never returns, to interrupt with Ctrl-C and look at with bt.
;; Try: jwdb samples/wat/spin.wat, then `invoke spin`, Ctrl-C, `bt`, `info locals`.
(module
  (func $spin (export "spin") (result i32)
    (local $turns i32)
    (loop $again
      (local.set $turns (i32.add (local.get $turns) (i32.const 1)))
      (br $again))
    (local.get $turns)))
