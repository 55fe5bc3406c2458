// Greets the user named by the environment and prints the date: needs an environment variable and the clock.
// Denied the clock, SystemTime::now() panics: Rust's std has no way to report that the time is unavailable.
use std::time::{SystemTime, UNIX_EPOCH};

fn main() {
    let name = std::env::var("USER_NAME").unwrap_or_else(|_| "stranger".to_string());
    let now = SystemTime::now().duration_since(UNIX_EPOCH).expect("the clock is before 1970");
    let (year, month, day) = civil_date(now.as_secs() / 86_400);
    let seconds = now.as_secs() % 86_400;
    println!("hello, {}: it is {:04}-{:02}-{:02} {:02}:{:02}:{:02} UTC", name, year, month, day,
        seconds / 3600, seconds / 60 % 60, seconds % 60);
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
