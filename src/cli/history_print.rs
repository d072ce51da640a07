//! `backcoach history`: the session log as a table, CSV or JSON. A printer for
//! the command line, so it lives with the command line.

use super::HistoryFormat;
use crate::domain::session_record::{ExerciseOutcome, SessionRecord};
use crate::text::safe;
use crate::time::words::clock;

/// CSV header row.
pub const CSV_HEADER: &str =
    "started,routine,outcome,duration_secs,exercises,done,skipped,pain_before,pain_after";

/// Renders `records` in `format` (ends with a newline unless empty table).
/// Whatever the log held, the output holds no character a terminal would
/// act on: text is made safe (see [`safe::shown`]) in the table and CSV,
/// and written as `\uXXXX` escapes in JSON.
pub fn render(records: &[&SessionRecord], format: HistoryFormat) -> Result<String, String> {
    match format {
        HistoryFormat::Json => serde_json::to_string_pretty(records)
            .map(|text| {
                let mut text = json_safe(text);
                text.push('\n');
                text
            })
            .map_err(|err| err.to_string()),
        HistoryFormat::Csv => {
            let mut out = format!("{CSV_HEADER}\n");
            for r in records {
                let fields = [
                    r.started.to_rfc3339(),
                    r.routine.clone(),
                    r.outcome.label().to_owned(),
                    r.duration_secs.to_string(),
                    r.exercises.len().to_string(),
                    r.count(ExerciseOutcome::Done).to_string(),
                    r.count(ExerciseOutcome::Skipped).to_string(),
                    opt(r.pain_before),
                    opt(r.pain_after),
                ];
                let quoted: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
                out.push_str(&quoted.join(","));
                out.push('\n');
            }
            Ok(out)
        }
        HistoryFormat::Table => {
            if records.is_empty() {
                return Ok("no sessions\n".to_owned());
            }
            let mut out = format!(
                "{:<16}  {:<20}  {:<16}  {:>7}  {:>9}  {:>6}\n",
                "started", "routine", "outcome", "time", "done/all", "pain"
            );
            for r in records {
                out.push_str(&format!(
                    "{:<16}  {:<20}  {:<16}  {:>7}  {:>9}  {:>6}\n",
                    r.started.format("%Y-%m-%d %H:%M"),
                    safe::shown(&r.routine),
                    r.outcome.label(),
                    clock(std::time::Duration::from_secs(r.duration_secs)),
                    format!("{}/{}", r.count(ExerciseOutcome::Done), r.exercises.len()),
                    format!(
                        "{}→{}",
                        r.pain_before.map_or("-".to_owned(), |v| v.to_string()),
                        r.pain_after.map_or("-".to_owned(), |v| v.to_string())
                    ),
                ));
            }
            Ok(out)
        }
    }
}

fn opt(value: Option<u8>) -> String {
    value.map_or(String::new(), |v| v.to_string())
}

fn csv_field(field: &str) -> String {
    let field = safe::shown(field);
    if field.contains([',', '"']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.into_owned()
    }
}

/// JSON text with every character a terminal would act on written as a
/// `\uXXXX` escape, the line breaks of the pretty layout aside. serde_json
/// escapes C0 inside strings already; DEL, C1 and the bidi controls it
/// leaves raw. They can only be inside strings (the rest of JSON is ASCII
/// punctuation and layout), where an escape means the same character, and
/// all of them are in the Basic Multilingual Plane.
fn json_safe(text: String) -> String {
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
