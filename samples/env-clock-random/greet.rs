// Reads an environment variable, prints the date and a random id: three capabilities, each denied by default.
// Run it with none, then add them one at a time (--env, --allow clock, --allow random) and watch the next
// denial come up; --fixed-clock and --random-seed make the output the same on every run.
use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::time::{SystemTime, UNIX_EPOCH};

fn main() {
    // environ_get: without a grant the environment is empty, which Rust's std cannot tell from unset.
    let name = std::env::var("USER_NAME").unwrap_or_else(|_| "stranger".to_string());
    // clock_time_get: denied, SystemTime::now() panics (std has no way to say the time is unavailable).
    let now = SystemTime::now().duration_since(UNIX_EPOCH).expect("the clock is before 1970");
    // random_get: std draws 16 random bytes to key the hasher of a RandomState; the hash of nothing under
    // that key is a random 64-bit number. Denied, the draw panics.
    let id = RandomState::new().build_hasher().finish();
    let (year, month, day) = civil_date(now.as_secs() / 86_400);
    let seconds = now.as_secs() % 86_400;
    println!("hello, {}", name);
    println!("it is {:04}-{:02}-{:02} {:02}:{:02}:{:02} UTC", year, month, day, seconds / 3600, seconds / 60 % 60,
        seconds % 60);
    println!("your id is {:016x}", id);
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's days_from_civil, inverted).
fn civil_date(days: u64) -> (i64, u64, u64) {
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097) as u64;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe as i64 + era * 400 + if month <= 2 { 1 } else { 0 };
    (year, month, day)
}
