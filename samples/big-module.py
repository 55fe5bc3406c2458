#!/usr/bin/env python3
# Writes a WAT module that encodes to about 1 MB (for samples/measure-startup.sh): ~2300 functions with real bodies.

import sys
out=["(module (memory 1) (global $g (mut i32) (i32.const 0))"]
i=0
size=0
while size < 1_300_000:
    body="(func $f%d (export \"f%d\") (param $x i32) (result i32) (local $y i32)\n" % (i,i)
    body+="".join("  (local.set $y (i32.add (i32.mul (local.get $x) (i32.const %d)) (local.get $y)))\n" % k for k in range(40))
    body+="  (global.set $g (local.get $y)) (local.get $y))\n"
    out.append(body); size+=len(body)//6; i+=1
out.append(")")
open(sys.argv[1],"w").write("\n".join(out))
