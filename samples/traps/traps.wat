;; traps.wat: one export per way a WebAssembly program can trap, each with its spec message.
;; Run one with: jwdb run --invoke NAME samples/traps/traps.wat [ARGS]
;; A trap ends the program (exit status 134), with the message and a Wasm backtrace on stderr.
(module
  (memory (export "memory") 1)          ;; one page: addresses 0 to 65535

  ;; divide(a, b): a / b. divide(7, 0) traps with "integer divide by zero";
  ;; divide(-2147483648, -1) with "integer overflow" (the quotient does not fit in an i32).
  (func $divide (export "divide") (param $a i32) (param $b i32) (result i32)
    (i32.div_s (local.get $a) (local.get $b)))

  ;; load(addr): the i32 at addr. load(65532) reads the last four bytes of the page;
  ;; load(65533) reaches one byte past the end: "out of bounds memory access".
  (func $load (export "load") (param $addr i32) (result i32)
    (i32.load (local.get $addr)))

  ;; never(): code that must not be reached, as compilers emit after a call that cannot return
  ;; (Rust's panic, C's __builtin_unreachable): "unreachable".
  (func $never (export "never")
    (unreachable))

  ;; recurse(n): calls itself with n + 1 and never stops; the call stack fills up:
  ;; "call stack exhausted" (--max-stack N sets how deep it may go).
  (func $recurse (export "recurse") (param $n i32) (result i32)
    (call $recurse (i32.add (local.get $n) (i32.const 1))))

  ;; A table of two functions of different types.
  (type $binary (func (param i32 i32) (result i32)))
  (func $add (type $binary) (i32.add (local.get 0) (local.get 1)))
  (func $negate (param $x i32) (result i32) (i32.sub (i32.const 0) (local.get $x)))
  (table 2 funcref)
  (elem (i32.const 0) $add $negate)

  ;; call(slot, a, b): calls table slot `slot` as a binary function. call(0, 2, 3) is 5;
  ;; slot 1 holds a unary function: "indirect call type mismatch".
  (func $call (export "call") (param $slot i32) (param $a i32) (param $b i32) (result i32)
    (call_indirect (type $binary) (local.get $a) (local.get $b) (local.get $slot))))
