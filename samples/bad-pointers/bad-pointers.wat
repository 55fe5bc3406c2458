;; bad-pointers.wat: a guest that hands WASI pointers and lengths outside its memory. Each export makes one call
;; and returns the errno it got: 21 (EFAULT) for memory it does not have, 28 (EINVAL) for a nonsensical value.
;; The host checks every pointer before touching memory, so none of these can crash it or reach outside.
;; Try: jwdb run --invoke fd_write_iovec_outside bad-pointers.wat     prints i32:21
(module
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (param $fd i32) (param $iovs i32) (param $iovs_len i32) (param $nwritten i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_read"
    (func $fd_read (param $fd i32) (param $iovs i32) (param $iovs_len i32) (param $nread i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get"
    (func $args_sizes_get (param $argc i32) (param $argv_buf_size i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_get"
    (func $args_get (param $argv i32) (param $argv_buf i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_open"
    (func $path_open (param $fd i32) (param $dirflags i32) (param $path i32) (param $path_len i32)
      (param $oflags i32) (param $rights_base i64) (param $rights_inheriting i64) (param $fdflags i32)
      (param $opened_fd i32) (result i32)))
  (import "wasi_snapshot_preview1" "random_get"
    (func $random_get (param $buf i32) (param $buf_len i32) (result i32)))
  (import "wasi_snapshot_preview1" "clock_time_get"
    (func $clock_time_get (param $id i32) (param $precision i64) (param $time i32) (result i32)))
  (import "wasi_snapshot_preview1" "poll_oneoff"
    (func $poll_oneoff (param $in i32) (param $out i32) (param $nsubscriptions i32) (param $nevents i32)
      (result i32)))

  ;; One page: addresses 0 to 65535 are the guest's, 65536 and above are not.
  (memory (export "memory") 1)
  ;; An iovec at 16 pointing at 8 bytes at 32: a good one, to show the bad ones differ only in what they say.
  (data (i32.const 16) "\20\00\00\00\08\00\00\00")
  (data (i32.const 32) "written\n")
  ;; An iovec at 48 whose buffer runs past the end of memory.
  (data (i32.const 48) "\f8\ff\00\00\10\00\00\00")

  ;; The good call, for comparison: writes "written" to stdout, returns 0.
  (func (export "fd_write_good") (result i32)
    (call $fd_write (i32.const 1) (i32.const 16) (i32.const 1) (i32.const 64)))

  ;; The iovec array itself lies outside memory.
  (func (export "fd_write_iovecs_outside") (result i32)
    (call $fd_write (i32.const 1) (i32.const 0xFFFFFFF0) (i32.const 1) (i32.const 64)))

  ;; The iovec is inside, but its buffer runs 8 bytes past the end.
  (func (export "fd_write_iovec_outside") (result i32)
    (call $fd_write (i32.const 1) (i32.const 48) (i32.const 1) (i32.const 64)))

  ;; The count of bytes written cannot be stored.
  (func (export "fd_write_result_outside") (result i32)
    (call $fd_write (i32.const 1) (i32.const 16) (i32.const 1) (i32.const 65534)))

  ;; A count of iovecs that cannot be right.
  (func (export "fd_read_absurd_count") (result i32)
    (call $fd_read (i32.const 0) (i32.const 16) (i32.const 0x7FFFFFFF) (i32.const 64)))

  (func (export "args_sizes_get_outside") (result i32)
    (call $args_sizes_get (i32.const 65536) (i32.const 0)))

  (func (export "args_get_outside") (result i32)
    (call $args_get (i32.const 0) (i32.const 65535)))

  ;; A path whose length runs past the end of memory.
  (func (export "path_open_path_outside") (result i32)
    (call $path_open (i32.const 3) (i32.const 0) (i32.const 65000) (i32.const 1000) (i32.const 0)
      (i64.const 0) (i64.const 0) (i32.const 0) (i32.const 64)))

  ;; Randomness into memory the guest does not have (checked before the capability, so no grant is needed).
  (func (export "random_get_outside") (result i32)
    (call $random_get (i32.const 65000) (i32.const 1000)))

  ;; An unknown clock id.
  (func (export "clock_time_get_bad_clock") (result i32)
    (call $clock_time_get (i32.const 99) (i64.const 0) (i32.const 64)))

  ;; Zero subscriptions: poll_oneoff would wait forever, so WASI says EINVAL.
  (func (export "poll_oneoff_nothing") (result i32)
    (call $poll_oneoff (i32.const 0) (i32.const 128) (i32.const 0) (i32.const 64)))
)
