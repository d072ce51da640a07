//! The history as JSON, one record a line, each exactly as serde writes
//! it (then made safe for a terminal: see [`safe_json`]). Nearly every
//! record has only printable ASCII ids and times to the second; those are
//! written here by hand, byte for byte what serde would write (a property
//! test holds the two to it). Any other record is written by serde.

use chrono::{DateTime, FixedOffset};

use super::history_digits::{local_parts, push_number};
use crate::content::model::TherapyKind;
use crate::domain::record::{Record, StandupOutcome};
use crate::domain::session_record::{ExerciseOutcome, SessionOutcome};
use crate::text::safe;

/// `record` as JSON, made safe, added to `out` (a buffer used again for
/// every record).
pub fn push_record(out: &mut Vec<u8>, record: &Record) -> serde_json::Result<()> {
    let start = out.len();
    if quick(out, record).is_some() {
        return Ok(());
    }
    out.truncate(start);
    let text = serde_json::to_string(record)?;
    out.extend_from_slice(safe_json(text).as_bytes());
    Ok(())
}

/// JSON text with every character a terminal would act on written as a
/// `\uXXXX` escape. serde_json escapes C0 inside strings already; DEL, C1
/// and the bidi controls it leaves raw. They can only be inside strings
/// (the rest of JSON is ASCII punctuation), where an escape means the
/// same character, and all of them are in the Basic Multilingual Plane.
pub fn safe_json(text: String) -> String {
    if !safe::any_unsafe(&text, true) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c != '\n' && safe::is_unsafe(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// Writes `record` the way serde does, when it is in the usual form;
/// `None` (part written) when it is not.
fn quick(out: &mut Vec<u8>, record: &Record) -> Option<()> {
    match record {
        // Rare, and many fields: serde writes it.
        Record::DoseChange(_) => return None,
        Record::Session(session) => {
            out.extend_from_slice(b"{\"kind\":\"session\"");
            time(out, b",\"started\":", &session.started)?;
            number(out, b",\"duration_secs\":", session.duration_secs);
            text(out, b",\"routine\":", &session.routine)?;
            out.extend_from_slice(b",\"exercises\":[");
            for (i, done) in session.exercises.iter().enumerate() {
                // A rated exercise is left to serde (not the usual form).
                if done.rating.is_some() {
                    return None;
                }
                if i > 0 {
                    out.push(b',');
                }
                text(out, b"{\"exercise\":", &done.exercise)?;
                word(out, b",\"outcome\":", exercise_outcome(done.outcome));
                out.push(b'}');
            }
            out.push(b']');
            pain(out, b",\"pain_before\":", session.pain_before);
            pain(out, b",\"pain_after\":", session.pain_after);
            word(out, b",\"outcome\":", session_outcome(session.outcome));
        }
        Record::ReleaseUsed { at, technique } | Record::ReleaseHurt { at, technique } => {
            out.extend_from_slice(match record {
                Record::ReleaseUsed { .. } => b"{\"kind\":\"release_used\"",
                _ => b"{\"kind\":\"release_hurt\"",
            });
            time(out, b",\"at\":", at)?;
            text(out, b",\"technique\":", technique)?;
        }
        Record::WarningsReviewed { at } => {
            out.extend_from_slice(b"{\"kind\":\"warnings_reviewed\"");
            time(out, b",\"at\":", at)?;
        }
        Record::Therapy {
            mode,
            planned_secs,
            actual_secs,
            started,
            ended,
            ended_early,
        } => {
            out.extend_from_slice(b"{\"kind\":\"therapy\"");
            word(out, b",\"mode\":", therapy_kind(*mode));
            number(out, b",\"planned_secs\":", *planned_secs);
            number(out, b",\"actual_secs\":", *actual_secs);
            time(out, b",\"started\":", started)?;
            time(out, b",\"ended\":", ended)?;
            out.extend_from_slice(if *ended_early {
                b",\"ended_early\":true"
            } else {
                b",\"ended_early\":false"
            });
        }
        Record::Standup { at, outcome } => {
            out.extend_from_slice(b"{\"kind\":\"standup\"");
            time(out, b",\"at\":", at)?;
            word(out, b",\"outcome\":", standup_outcome(*outcome));
        }
    }
    out.push(b'}');
    Some(())
}

fn number(out: &mut Vec<u8>, name: &[u8], value: u64) {
    out.extend_from_slice(name);
    push_number(out, value);
}

fn pain(out: &mut Vec<u8>, name: &[u8], value: Option<u8>) {
    out.extend_from_slice(name);
    match value {
        Some(value) => push_number(out, value.into()),
        None => out.extend_from_slice(b"null"),
    }
}

/// A word of this program's (an enum's name), which needs no escape.
fn word(out: &mut Vec<u8>, name: &[u8], value: &str) {
    out.extend_from_slice(name);
    out.push(b'"');
    out.extend_from_slice(value.as_bytes());
    out.push(b'"');
}

/// Text from the log, when serde would write it as it is and nothing in
/// it needs making safe: printable ASCII but for `"` and `\`.
fn text(out: &mut Vec<u8>, name: &[u8], value: &str) -> Option<()> {
    let plain = value
        .bytes()
        .all(|b| (0x20..0x7f).contains(&b) && b != b'"' && b != b'\\');
    plain.then(|| word(out, name, value))
}

/// A time as chrono's serde writes it (`2026-11-22T09:00:00+01:00`, `Z`
/// for UTC), when it is to the second (not in a leap second), in the
/// years 0-9999 and its offset in whole minutes.
fn time(out: &mut Vec<u8>, name: &[u8], at: &DateTime<FixedOffset>) -> Option<()> {
    let offset = at.offset().local_minus_utc();
    let (year, month, day, hour, minute, second) = local_parts(at);
    let year = u32::try_from(year).ok().filter(|y| *y <= 9999)?;
    if at.timestamp_subsec_nanos() != 0 || offset % 60 != 0 {
        return None;
    }
    let minutes = offset.unsigned_abs() / 60;
    let mut text = *b"\"0000-00-00T00:00:00+00:00\"";
    for (at, value) in [
        (1, year / 100),
        (3, year % 100),
        (6, month),
        (9, day),
        (12, hour),
        (15, minute),
        (18, second),
        (21, minutes / 60),
        (24, minutes % 60),
    ] {
        text[at] = b'0' + (value / 10 % 10) as u8;
        text[at + 1] = b'0' + (value % 10) as u8;
    }
    out.extend_from_slice(name);
    if offset == 0 {
        out.extend_from_slice(&text[..20]);
        out.extend_from_slice(b"Z\"");
    } else {
        if offset < 0 {
            text[20] = b'-';
        }
        out.extend_from_slice(&text);
    }
    Some(())
}

fn session_outcome(outcome: SessionOutcome) -> &'static str {
    match outcome {
        SessionOutcome::Completed => "completed",
        SessionOutcome::StoppedForPain => "stopped_for_pain",
        SessionOutcome::Abandoned => "abandoned",
        SessionOutcome::Skipped => "skipped",
    }
}

fn exercise_outcome(outcome: ExerciseOutcome) -> &'static str {
    match outcome {
        ExerciseOutcome::Done => "done",
        ExerciseOutcome::Skipped => "skipped",
        ExerciseOutcome::Stopped => "stopped",
        ExerciseOutcome::NotReached => "not_reached",
    }
}

fn standup_outcome(outcome: StandupOutcome) -> &'static str {
    match outcome {
        StandupOutcome::Done => "done",
        StandupOutcome::Snoozed => "snoozed",
        StandupOutcome::Skipped => "skipped",
    }
}

fn therapy_kind(kind: TherapyKind) -> &'static str {
    kind.id()
}
