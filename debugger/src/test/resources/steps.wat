(module
  (memory 1)
  (global $ticks (mut i32) (i32.const 0))
  (func $double (param $x i32) (result i32)
    local.get $x
    i32.const 2
    i32.mul)
  (func $classify (export "classify") (param $k i32) (result i32)
    (block $c
      (block $b
        (block $a
          local.get $k
          br_table $a $b $c)
        i32.const 10
        return)
      i32.const 20
      return)
    i32.const 30)
  (func $main (export "main") (param $n i32) (result i32)
    (local $i i32) (local $sum i32)
    (loop $top
      local.get $sum
      local.get $i
      call $double
      i32.add
      local.set $sum
      local.get $i
      i32.const 1
      i32.add
      local.tee $i
      local.get $n
      i32.lt_s
      br_if $top)
    local.get $sum)
  (func $tick (export "tick")
    global.get $ticks
    i32.const 1
    i32.add
    global.set $ticks)
  (func $divide (export "divide") (param $a i32) (param $b i32) (result i32)
    local.get $a
    local.get $b
    i32.div_s)
  (func $peek (export "peek") (param $p i32) (result i32)
    local.get $p
    i32.load)
  (func $poke (export "poke") (param $p i32) (param $v i32)
    local.get $p
    local.get $v
    i32.store)
  (func $stacked (export "stacked") (param $p i32) (result i32)
    local.get $p
    i32.const 7
    local.get $p
    i32.const 4
    i32.add
    i32.const 5
    i32.store
    i32.add)
  (func $peekPast (export "peekPast") (param $p i32) (result i32)
    i32.const 3
    local.get $p
    i32.const 8
    i32.add
    i32.load
    i32.add)
  (func $boom (export "boom")
    unreachable)
  (func $deep (export "deep") (param $n i32) (result i32)
    local.get $n
    i32.const 1
    i32.add
    call $deep)
  (func $spin (export "spin")
    (loop $forever
      br $forever)))
