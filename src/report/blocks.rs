//! One page a patient brings to the clinic, built as a few plain blocks
//! (headings, sentences, tables, the pain chart) from the report's
//! figures, then written as text, Markdown or HTML (see
//! [`super::write`]).

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::content::catalog::Content;
use crate::content::programme;
use crate::domain::report::ReportData;
use crate::domain::session_record::{ExerciseOutcome, SessionOutcome};
use crate::text::counted;
use crate::time::words::clock;

/// One piece of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The page's title.
    Title(String),
    /// A section heading.
    Heading(String),
    /// A sentence or two.
    Para(String),
    /// A table: the header row, then the rows.
    Table(Vec<String>, Vec<Vec<String>>),
    /// Pain before and after each session: (date, before, after).
    Chart(Vec<(String, Option<u8>, Option<u8>)>),
}

/// Names from the content, ids where the content has none.
struct Names<'a>(&'a Content);

impl Names<'_> {
    fn routine(&self, id: &str) -> String {
        self.0
            .routine(id)
            .map_or_else(|| id.to_owned(), |r| r.name.clone())
    }

    fn exercise(&self, id: &str) -> String {
        self.0
            .exercise(id)
            .map_or_else(|| id.to_owned(), |e| e.name.clone())
    }

    fn technique(&self, id: &str) -> String {
        self.0
            .technique(id)
            .map_or_else(|| id.to_owned(), |e| e.name.clone())
    }
}

fn day(at: &DateTime<FixedOffset>) -> String {
    at.format("%Y-%m-%d").to_string()
}

fn pain(value: Option<u8>) -> String {
    value.map_or_else(|| "-".to_owned(), |v| v.to_string())
}

/// The report's blocks, in order.
pub fn blocks(data: &ReportData, content: &Content) -> Vec<Block> {
    let names = Names(content);
    let mut out = vec![
        Block::Title(format!(
            "backcoach report, {} to {}",
            data.since, data.until
        )),
        Block::Para(
            "A record kept by the patient with backcoach, a back-care coach (not a diagnosis)."
                .to_owned(),
        ),
    ];
    programme_blocks(data.until, content, &names, &mut out);
    out.push(Block::Heading("Sessions per week".to_owned()));
    let weeks = data
        .weeks(content)
        .iter()
        .map(|w| {
            let prescribed = w
                .prescribed
                .map_or_else(|| "-".to_owned(), |p| p.to_string());
            vec![w.monday.to_string(), w.done.to_string(), prescribed]
        })
        .collect();
    out.push(Block::Table(
        cols(&["Week of", "Done", "Prescribed"]),
        weeks,
    ));
    session_blocks(data, &names, &mut out);
    rating_blocks(data, &names, &mut out);
    other_blocks(data, &names, &mut out);
    out
}

fn cols(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| (*n).to_owned()).collect()
}

fn programme_blocks(until: NaiveDate, content: &Content, names: &Names, out: &mut Vec<Block>) {
    out.push(Block::Heading("Programme".to_owned()));
    let Some(plan) = programme::active(&content.programmes, until) else {
        out.push(Block::Para("No home programme was in force.".to_owned()));
        return;
    };
    let mut about = plan.name.clone();
    if let Some(who) = &plan.prescribed_by {
        about.push_str(&format!(", prescribed by {who}"));
    }
    about.push_str(&format!(", from {}", plan.start));
    if let Some(review) = plan.review {
        about.push_str(&format!("; review {review}"));
    }
    out.push(Block::Para(format!("{about}.")));
    let rows = plan
        .routines
        .iter()
        .map(|r| vec![names.routine(&r.routine), r.per_week.to_string()])
        .collect();
    out.push(Block::Table(cols(&["Routine", "Per week"]), rows));
    if let Some(notes) = &plan.notes {
        out.push(Block::Para(format!("Notes: {notes}")));
    }
}

fn session_blocks(data: &ReportData, names: &Names, out: &mut Vec<Block>) {
    out.push(Block::Heading("Sessions".to_owned()));
    if data.sessions.is_empty() {
        out.push(Block::Para("No sessions.".to_owned()));
    } else {
        let rows = data
            .sessions
            .iter()
            .map(|s| {
                vec![
                    day(&s.started),
                    names.routine(&s.routine),
                    s.honest_outcome().label().to_owned(),
                    clock(std::time::Duration::from_secs(s.duration_secs)),
                    format!(
                        "{} of {}",
                        s.count(ExerciseOutcome::Done),
                        s.exercises.len()
                    ),
                    pain(s.pain_before),
                    pain(s.pain_after),
                ]
            })
            .collect();
        out.push(Block::Table(
            cols(&[
                "Date",
                "Routine",
                "Outcome",
                "Time",
                "Done",
                "Pain before",
                "Pain after",
            ]),
            rows,
        ));
    }
    let stopped = data.stops().count();
    let skipped = data
        .sessions
        .iter()
        .filter(|s| s.honest_outcome() == SessionOutcome::Skipped)
        .count();
    out.push(Block::Para(format!(
        "In all: {}, {stopped} stopped for pain, {skipped} skipped (no exercise done).",
        counted(data.sessions.len(), "session")
    )));
    out.push(Block::Heading("Pain before and after (0-10)".to_owned()));
    let points: Vec<_> = data
        .sessions
        .iter()
        .filter(|s| s.pain_before.is_some() || s.pain_after.is_some())
        .map(|s| (day(&s.started), s.pain_before, s.pain_after))
        .collect();
    if points.is_empty() {
        out.push(Block::Para("No pain ratings were given.".to_owned()));
    } else {
        out.push(Block::Chart(points));
    }
    out.push(Block::Heading("Stops for pain".to_owned()));
    let stops: Vec<Vec<String>> = data
        .stops()
        .map(|s| vec![day(&s.started), names.routine(&s.routine)])
        .collect();
    if stops.is_empty() {
        out.push(Block::Para("None.".to_owned()));
    } else {
        out.push(Block::Table(cols(&["Date", "Routine"]), stops));
    }
}

fn rating_blocks(data: &ReportData, names: &Names, out: &mut Vec<Block>) {
    out.push(Block::Heading("How exercises felt".to_owned()));
    let tally = data.ratings();
    if tally.is_empty() {
        out.push(Block::Para("No exercise was rated.".to_owned()));
    } else {
        let rows = tally
            .iter()
            .map(|(id, counts)| {
                let mut row = vec![names.exercise(id)];
                row.extend(counts.iter().map(u32::to_string));
                row
            })
            .collect();
        out.push(Block::Table(
            cols(&["Exercise", "Easy", "About right", "Hard", "Painful"]),
            rows,
        ));
    }
    out.push(Block::Heading("Accepted dose changes".to_owned()));
    if data.changes.is_empty() {
        out.push(Block::Para("None.".to_owned()));
    } else {
        let rows = data
            .changes
            .iter()
            .map(|c| {
                vec![
                    day(&c.at),
                    names.routine(&c.change.routine),
                    format!("{} step", c.direction.label()),
                    names.exercise(&c.change.exercise),
                    c.reason.clone(),
                ]
            })
            .collect();
        out.push(Block::Table(
            cols(&["Date", "Routine", "Change", "Exercise now", "Why"]),
            rows,
        ));
    }
}

fn other_blocks(data: &ReportData, names: &Names, out: &mut Vec<Block>) {
    out.push(Block::Heading("Self-release".to_owned()));
    let mut days: Vec<NaiveDate> = data
        .release_uses
        .iter()
        .map(|(at, _)| at.date_naive())
        .collect();
    days.dedup();
    out.push(Block::Para(format!(
        "Used {} on {}; {} of it hurting.",
        counted(data.release_uses.len(), "time"),
        counted(days.len(), "day"),
        counted(data.hurts.len(), "report")
    )));
    if !data.hurts.is_empty() {
        let rows = data
            .hurts
            .iter()
            .map(|(at, technique)| vec![day(at), names.technique(technique)])
            .collect();
        out.push(Block::Table(cols(&["Date", "It hurt during"]), rows));
    }
    out.push(Block::Heading("Stand-ups per day".to_owned()));
    if data.standups.is_empty() {
        out.push(Block::Para("None recorded.".to_owned()));
    } else {
        let rows = data
            .standups
            .iter()
            .map(|(day, n)| vec![day.to_string(), n.to_string()])
            .collect();
        out.push(Block::Table(cols(&["Date", "Stood up"]), rows));
    }
    out.push(Block::Heading("Heat and cold".to_owned()));
    if data.applications.is_empty() {
        out.push(Block::Para("None.".to_owned()));
    } else {
        let rows = data
            .applications
            .iter()
            .map(|a| {
                vec![
                    day(&a.started),
                    a.mode.id().to_owned(),
                    clock(std::time::Duration::from_secs(a.actual_secs)),
                ]
            })
            .collect();
        out.push(Block::Table(cols(&["Date", "Mode", "Time on"]), rows));
    }
}
