;; table.wat: call_indirect through a table of functions, and what happens when it goes wrong.
;; Try: jwdb samples/wat/table.wat, then `invoke apply 2 6 7`, `info tables`, `invoke apply 3 6 7`, `bt`.
(module
  (type $binop (func (param i32 i32) (result i32)))
  (type $unop (func (param i32) (result i32)))

  (func $add (type $binop) (i32.add (local.get 0) (local.get 1)))
  (func $sub (type $binop) (i32.sub (local.get 0) (local.get 1)))
  (func $mul (type $binop) (i32.mul (local.get 0) (local.get 1)))
  (func $neg (type $unop) (i32.sub (i32.const 0) (local.get 0)))

  ;; Slots 0-2 hold binary operators, slot 3 a unary one, slot 4 stays empty.
  (table $ops (export "ops") 5 funcref)
  (elem (table $ops) (i32.const 0) func $add $sub $mul $neg)

  ;; apply(op, a, b): calls the op-th function of the table as a binary operator.
  ;; apply(3, ...) traps with "indirect call type mismatch", apply(4, ...) with "uninitialized element",
  ;; apply(5, ...) with "undefined element".
  (func (export "apply") (param $op i32) (param $a i32) (param $b i32) (result i32)
    (call_indirect $ops (type $binop) (local.get $a) (local.get $b) (local.get $op))))
