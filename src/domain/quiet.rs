//! Quiet on demand: stand-up alerts muted until a time (`backcoach quiet
//! 45m`, a key in the app), or while a `reminder.quiet_while` command says
//! the user is busy (a call, a presentation). A reminder due meanwhile
//! waits and comes once when quiet ends, never a burst. The heat/cold
//! alarm is never muted. Pure: no clock, no disk.

use chrono::{DateTime, FixedOffset, TimeDelta};
use serde::{Deserialize, Serialize};

use super::reminder::Check;

/// How long the app's quiet key mutes for.
pub const KEY_QUIET: TimeDelta = TimeDelta::hours(1);

/// How long a due reminder waits when a `quiet_while` command said busy,
/// before the commands are asked again.
pub const RECHECK: TimeDelta = TimeDelta::minutes(3);

/// The quiet state in the data folder (`quiet.ron`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quiet {
    /// Stand-up alerts are muted until this time.
    pub until: DateTime<FixedOffset>,
}

impl Quiet {
    /// Quiet for `length` from `now`.
    pub fn for_length(now: DateTime<FixedOffset>, length: TimeDelta) -> Quiet {
        Quiet {
            until: now + length,
        }
    }

    /// True while it lasts.
    pub fn active(&self, now: DateTime<FixedOffset>) -> bool {
        now < self.until
    }
}

/// The later of the times quiet lasts until, if any is still ahead.
pub fn until(
    quiet: Option<&Quiet>,
    held: Option<DateTime<FixedOffset>>,
    now: DateTime<FixedOffset>,
) -> Option<DateTime<FixedOffset>> {
    quiet
        .map(|q| q.until)
        .max(held)
        .filter(|until| now < *until)
}

/// A due reminder waits while quiet lasts (`until`): it is then due when
/// quiet ends, and the schedule's own rules (one per window, none for a
/// window that closed) decide whether it still fires.
pub fn hold(
    check: Check,
    until: Option<DateTime<FixedOffset>>,
    now: DateTime<FixedOffset>,
) -> Check {
    match (check, until) {
        (Check::Fire(_) | Check::Deferred(_), Some(until)) if now < until => Check::Waiting(until),
        (check, _) => check,
    }
}
