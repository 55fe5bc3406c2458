;; factorial.wat: the same function three ways, and one that overflows.
;; Try: jwdb samples/wat/factorial.wat, then `break $fact_iter`, `invoke fact_iter 5`, `next`, `info locals`.
(module
  ;; Recursive, in i64: fact(20) is the largest that fits.
  (func $fact (export "fact") (param $n i64) (result i64)
    (if (result i64) (i64.le_u (local.get $n) (i64.const 1))
      (then (i64.const 1))
      (else (i64.mul (local.get $n) (call $fact (i64.sub (local.get $n) (i64.const 1)))))))

  ;; Iterative, with an accumulator in a local.
  (func $fact_iter (export "fact_iter") (param $n i64) (result i64)
    (local $acc i64)
    (local.set $acc (i64.const 1))
    (block $done
      (loop $again
        (br_if $done (i64.le_u (local.get $n) (i64.const 1)))
        (local.set $acc (i64.mul (local.get $acc) (local.get $n)))
        (local.set $n (i64.sub (local.get $n) (i64.const 1)))
        (br $again)))
    (local.get $acc))

  ;; In f64, which does not overflow but loses precision after 22!.
  (func $fact_f64 (export "fact_f64") (param $n f64) (result f64)
    (if (result f64) (f64.le (local.get $n) (f64.const 1))
      (then (f64.const 1))
      (else (f64.mul (local.get $n) (call $fact_f64 (f64.sub (local.get $n) (f64.const 1))))))))
