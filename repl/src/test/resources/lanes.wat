(module
  (memory 1)
  (data (i32.const 16) "\01\00\00\00\02\00\00\00\03\00\00\00\04\00\00\00")
  (global $g (mut v128) (v128.const i32x4 10 20 30 40))
  (global $k i32 (i32.const 7))
  (func $mix (export "mix") (param $a v128) (param $n i32) (result v128)
    (local $b v128) (local $m i32)
    i32.const 16
    v128.load
    local.set $b
    i32.const 5
    local.set $m
    local.get $n
    local.get $a
    local.get $b
    i32x4.add
    local.get $m
    drop
    global.get $g
    i32x4.add
    global.set $g
    drop
    global.get $g)
  (func (export "go") (result v128)
    (call $mix (v128.const i32x4 1 1 1 1) (i32.const 9))))
