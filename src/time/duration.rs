//! The one grammar for a duration typed by a person: whole numbers, each
//! with a unit, largest unit first (`90s`, `15m`, `1h`, `1h30m`, `1m30s`).
//!
//! It only reads the text: how long a flag or a setting may be is the
//! caller's rule, so `0s` and `9h` both parse here.

use std::time::Duration;

/// The examples every message offers.
const EXAMPLES: &str = "like 90s, 15m, 1h or 1h30m";

/// Parses a duration such as `90s`, `15m`, `1h`, `1h30m` or `1m30s`.
///
/// Units are `h`, `m` and `s`, each at most once and largest first; spaces
/// between parts are allowed (`1h 30m`). A number without a unit is
/// refused, since `15` could mean seconds or minutes. Every error is one
/// line that quotes the text, with control characters escaped.
pub fn parse(text: &str) -> Result<Duration, String> {
    let trimmed = text.trim();
    let quoted = || format!("`{}`", trimmed.escape_debug());
    if trimmed.is_empty() {
        return Err(format!("a duration is needed, {EXAMPLES}"));
    }
    let mut total: u64 = 0;
    let mut number: Option<u64> = None;
    // The seconds in the last unit seen: the next must be smaller.
    let mut last_unit = u64::MAX;
    for c in trimmed.chars() {
        if let Some(digit) = c.to_digit(10) {
            let grown = number
                .unwrap_or(0)
                .checked_mul(10)
                .and_then(|n| n.checked_add(u64::from(digit)))
                .ok_or_else(|| format!("{} is too long", quoted()))?;
            number = Some(grown);
            continue;
        }
        if c.is_ascii_whitespace() && number.is_none() {
            continue;
        }
        let unit = match c {
            'h' => 3600,
            'm' => 60,
            's' => 1,
            _ => return Err(format!("{} is not a duration {EXAMPLES}", quoted())),
        };
        let Some(n) = number.take() else {
            return Err(format!("{} is not a duration {EXAMPLES}", quoted()));
        };
        if unit >= last_unit {
            return Err(format!(
                "{} is not a duration: give each unit once, largest first, {EXAMPLES}",
                quoted()
            ));
        }
        last_unit = unit;
        total = n
            .checked_mul(unit)
            .and_then(|secs| total.checked_add(secs))
            .ok_or_else(|| format!("{} is too long", quoted()))?;
    }
    if number.is_some() {
        return Err(format!("{} needs a unit: h, m or s, {EXAMPLES}", quoted()));
    }
    Ok(Duration::from_secs(total))
}
