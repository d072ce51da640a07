//! Numbers and times written by hand into the buffer of an output row:
//! the same text `{}` and chrono write, without their formatting
//! machinery (an export writes millions of them).

use chrono::{DateTime, Datelike, FixedOffset, Timelike};

/// `value` in decimal, as `{}` writes it.
pub fn push_number(out: &mut Vec<u8>, mut value: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (value % 10) as u8;
        value /= 10;
        if value == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

/// A time's local date and time as chrono reads them: year, month, day,
/// hour, minute, second (59 in a leap second, as chrono's `second()`).
pub fn local_parts(at: &DateTime<FixedOffset>) -> (i64, u32, u32, u32, u32, u32) {
    let local = at.naive_local();
    (
        i64::from(local.year()),
        local.month(),
        local.day(),
        local.hour(),
        local.minute(),
        local.second(),
    )
}
