//! `backcoach quiet 45m|off`: mutes stand-up alerts until a time (state in
//! the data folder, `quiet.ron`), read by the app, `remind` and `status`;
//! the heat/cold alarm is never muted.

use std::process::ExitCode;

use chrono::{DateTime, Local, TimeDelta};

use super::output::write_stdout;
use crate::domain::quiet::Quiet;
use crate::runtime::nudge;
use crate::store::Store;
use crate::time::duration;

/// The longest quiet.
const LONGEST: TimeDelta = TimeDelta::hours(12);

/// Sets or ends quiet at `now`; an `Err` (exit 2) for a bad length or a
/// file that cannot be written.
pub fn run(store: &Store, length: &str, now: DateTime<Local>) -> Result<ExitCode, String> {
    let quiet = match length.trim() {
        "off" => None,
        text => {
            let length = duration::parse(text)
                .ok()
                .and_then(|d| TimeDelta::from_std(d).ok())
                .filter(|d| *d >= TimeDelta::minutes(1) && *d <= LONGEST)
                .ok_or_else(|| {
                    format!(
                        "`{}` is not a quiet length: 1m to 12h (like 45m or 1h30m), or off",
                        text.escape_debug()
                    )
                })?;
            Some(Quiet::for_length(now.fixed_offset(), length))
        }
    };
    store
        .save_quiet(quiet.as_ref())
        .map_err(|err| format!("could not save the quiet state: {err}"))?;
    // A remind asleep until the next reminder looks again.
    nudge::nudge(store.dir());
    let said = match quiet {
        Some(q) => format!(
            "Stand-up alerts are quiet until {}.\n",
            q.until.with_timezone(&Local).format("%H:%M")
        ),
        None => "Stand-up alerts are on again.\n".to_owned(),
    };
    Ok(write_stdout(said.as_bytes()))
}
