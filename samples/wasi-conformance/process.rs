// Arguments, environment, clocks, randomness, stdin and the exit status through Rust's std. What it prints does
// not depend on the time or the random bytes drawn, so that two runtimes can be compared line by line.
// usage: process [exit=N] [ARGS...]   (reads stdin to its end)
use std::collections::HashMap;
use std::io::Read;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

fn main() {
    // args_sizes_get, args_get (argv[0] is the program's name as the runtime gives it: not printed)
    let args: Vec<String> = std::env::args().collect();
    println!("argc: {}", args.len());
    for (i, a) in args.iter().enumerate().skip(1) {
        println!("argv[{}]: {}", i, a);
    }

    // environ_sizes_get, environ_get
    let mut vars: Vec<(String, String)> = std::env::vars().collect();
    vars.sort();
    println!("environment: {} variables", vars.len());
    for (k, v) in &vars {
        println!("  {}={}", k, v);
    }
    println!("GREETING: {}", std::env::var("GREETING").unwrap_or_else(|_| "(not set)".to_string()));

    // clock_time_get (realtime and monotonic), poll_oneoff through sleep
    let since_epoch = SystemTime::now().duration_since(UNIX_EPOCH).unwrap();
    println!("realtime: {}", if since_epoch.as_secs() > 1_600_000_000 { "after 2020" } else { "before 2020" });
    let start = Instant::now();
    std::thread::sleep(Duration::from_millis(10));
    println!("slept at least 10ms: {}", start.elapsed() >= Duration::from_millis(10));

    // random_get: a HashMap's hasher is seeded from it
    let mut map = HashMap::new();
    for i in 0..10 {
        map.insert(i, i * i);
    }
    println!("hashmap: {} entries, 9 -> {}", map.len(), map[&9]);

    // fd_read on stdin
    let mut input = Vec::new();
    std::io::stdin().read_to_end(&mut input).unwrap();
    let text = String::from_utf8_lossy(&input);
    println!("stdin starts: {}", text.lines().next().unwrap_or(""));
    println!("stdin: {} bytes, {} lines", input.len(), input.iter().filter(|&&b| b == b'\n').count());

    // proc_exit
    let status = args.get(1).and_then(|a| a.strip_prefix("exit=")).and_then(|n| n.parse().ok()).unwrap_or(0);
    eprintln!("exiting with {}", status);
    std::process::exit(status);
}
