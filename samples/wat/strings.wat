;; strings.wat: data in linear memory, for `x/s`, `x/16xb` and memory watchpoints.
(module
  (memory (export "memory") 1)

  ;; Two NUL-terminated strings and a table of their addresses.
  (data (i32.const 0x100) "Hello, WebAssembly!\00")
  (data (i32.const 0x120) "jwdb reads memory\00")
  (data (i32.const 0x200) "\00\01\00\00" "\20\01\00\00")

  ;; strlen(ptr): count bytes up to the first NUL.
  (func $strlen (export "strlen") (param $ptr i32) (result i32)
    (local $len i32)
    (block $end
      (loop $scan
        (br_if $end (i32.eqz (i32.load8_u (i32.add (local.get $ptr) (local.get $len)))))
        (local.set $len (i32.add (local.get $len) (i32.const 1)))
        (br $scan)))
    (local.get $len))

  ;; upcase(ptr): ASCII letters to upper case, in place; returns the length.
  (func $upcase (export "upcase") (param $ptr i32) (result i32)
    (local $i i32) (local $c i32)
    (block $end
      (loop $each
        (local.set $c (i32.load8_u (i32.add (local.get $ptr) (local.get $i))))
        (br_if $end (i32.eqz (local.get $c)))
        (if (i32.and (i32.ge_u (local.get $c) (i32.const 0x61)) (i32.le_u (local.get $c) (i32.const 0x7a)))
          (then
            (i32.store8 (i32.add (local.get $ptr) (local.get $i)) (i32.sub (local.get $c) (i32.const 0x20)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $each)))
    (local.get $i))

  ;; string_at(n): the address of the n-th string, read from the table at 0x200.
  (func $string_at (export "string_at") (param $n i32) (result i32)
    (i32.load (i32.add (i32.const 0x200) (i32.shl (local.get $n) (i32.const 2))))))
