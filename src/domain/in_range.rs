//! The ranges a value read back from disk must be in. A data file can be
//! damaged or written by someone else; a value out of these ranges makes
//! the record or file it is in count as unreadable (kept aside and
//! reported), so no later arithmetic on it can overflow or panic.

use chrono::{DateTime, Datelike, FixedOffset};

use crate::text::safe;

/// Earliest and latest year of any date read back.
pub const YEARS: (i32, i32) = (1970, 9999);
/// Highest pain score.
pub const MAX_PAIN: u8 = 10;
/// Longest text read back in a record (an id, a name).
pub const MAX_TEXT_CHARS: usize = 200;
/// Most items in a list read back in a record (exercises of a session,
/// checklist answers).
pub const MAX_ITEMS: usize = 500;

/// A problem with the date `what` unless it is within [`YEARS`] (in its
/// own offset and in UTC).
pub fn date(what: &str, at: &DateTime<FixedOffset>) -> Option<String> {
    let (first, last) = YEARS;
    let ok = |year: i32| (first..=last).contains(&year);
    (!ok(at.year()) || !ok(at.naive_utc().year()))
        .then(|| format!("{what} is not a date between the years {first} and {last}"))
}

/// [`date`] for an optional date.
pub fn maybe_date(what: &str, at: Option<&DateTime<FixedOffset>>) -> Option<String> {
    at.and_then(|at| date(what, at))
}

/// A problem with the pain score `what` unless it is 0 to [`MAX_PAIN`].
pub fn pain(what: &str, value: Option<u8>) -> Option<String> {
    value
        .filter(|v| *v > MAX_PAIN)
        .map(|v| format!("{what} is {v}; pain is scored 0 to {MAX_PAIN}"))
}

/// A problem with `value` unless it is at most `max`.
pub fn at_most(what: &str, value: u64, max: u64) -> Option<String> {
    (value > max).then(|| format!("{what} is {value}; at most {max}"))
}

/// A problem with the text `what` unless it is short and holds nothing a
/// terminal would act on.
pub fn text(what: &str, value: &str) -> Option<String> {
    // Printable ASCII, no longer in characters than in bytes: nothing to
    // find (the usual case, checked without decoding).
    if value.len() <= MAX_TEXT_CHARS && value.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return None;
    }
    if value.chars().count() > MAX_TEXT_CHARS {
        return Some(format!("{what} is longer than {MAX_TEXT_CHARS} characters"));
    }
    value
        .chars()
        .find(|c| safe::is_unsafe(*c))
        .map(|c| format!("{what} holds a control character ({})", safe::code_point(c)))
}

/// A problem with the list `what` unless it has at most [`MAX_ITEMS`].
pub fn items<T>(what: &str, list: &[T]) -> Option<String> {
    (list.len() > MAX_ITEMS).then(|| format!("{what} has more than {MAX_ITEMS} items"))
}
