//! The session's before and after: the pain check-in and check-out, the
//! "this hurts" guidance and the summary.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding};

use super::lines::{paragraph, paragraph_in, wrap_lines};
use super::scroll_text::{self, Marker, Place, ScrollText};
use super::theme::Theme;
use crate::app::{App, Shown};
use crate::content::tips;
use crate::domain::session::{PAIN_MAX, Phase, Session};
use crate::domain::session_record::ExerciseOutcome;
use crate::time::words::{about_minutes, clock};

/// Warning sections shown when a stretch hurts, in order: guidance for
/// stretching (not the self-release stop signs), then the red flags.
pub const HURT_SECTIONS: [&str; 2] = ["stretch_hurts", "red_flags"];

/// The 0-10 pain scale, before or after.
pub fn render_check(
    session: &Session,
    now: Option<std::time::Instant>,
    frame: &mut Frame,
    area: Rect,
    theme: Theme,
) {
    let before = session.phase == Phase::CheckIn;
    let compact = super::compact(area);
    // In a small terminal the scale closes up: "0 1 [2] 3".
    let (gap, pad) = if compact { ("", "") } else { (" ", " ") };
    let mut scale = vec![Span::raw(" ")];
    for value in 0..=PAIN_MAX {
        let style = if session.pain_choice == Some(value) {
            theme.selected()
        } else {
            theme.dim()
        };
        let mark = if session.pain_choice == Some(value) {
            format!("[{value}]")
        } else {
            format!("{pad}{value}{pad}")
        };
        scale.push(Span::styled(mark, style));
        scale.push(Span::raw(if compact { " " } else { gap }));
    }
    let chosen = match session.pain_choice {
        Some(1) if session.ten_pending() => {
            " Your answer: 1_ … type 0 for 10, or Enter keeps 1.".into()
        }
        Some(v) => format!(" Your answer: {v} of 10. Enter keeps it."),
        None => " Press a number (↑ for 10), or n to skip.".to_owned(),
    };
    let heading = if before {
        format!(
            " {}: estimated {} ({})",
            session.plan.routine_name,
            clock(session.plan.estimated()),
            about_minutes(session.plan.estimated())
        )
    } else {
        format!(
            " {}: all exercises done. Well done.",
            session.plan.routine_name
        )
    };
    let question = if before {
        " Before you start: how much does your back hurt right now?"
    } else {
        " And now: how much does your back hurt?"
    };
    let prompt = now.and_then(|now| super::session::rating_prompt(session, now));
    let mut lines = vec![Line::from(Span::styled(heading, theme.title()))];
    if let Some(prompt) = prompt {
        lines.push(Line::from(Span::styled(
            format!(" {prompt}"),
            theme.warning(),
        )));
    }
    lines.extend([
        Line::default(),
        Line::from(Span::styled(question, theme.current())),
        Line::from(Span::styled(
            " 0 is no pain, 10 the worst you can imagine. Optional.",
            theme.dim(),
        )),
        Line::default(),
        Line::from(scale),
        Line::default(),
        Line::from(Span::styled(chosen, theme.text())),
        Line::default(),
        Line::from(Span::styled(
            " If anything hurts during the session, press ! at once.",
            theme.warning(),
        )),
    ]);
    let title = if before {
        " Pain check-in "
    } else {
        " Pain check-out "
    };
    if compact {
        let lines: Vec<Line> = lines.into_iter().filter(|l| l.width() > 0).collect();
        frame.render_widget(paragraph(&lines, area.width), area);
        return;
    }
    let block = Block::bordered().title(Span::styled(title, theme.title()));
    frame.render_widget(paragraph_in(&lines, block, area), area);
}

/// `lines` in a bordered block titled `title` over `area` (without the
/// border and blank lines in a small terminal), scrolling where they do
/// not fit.
fn scrolling_box(
    lines: &[Line<'_>],
    title: Span<'static>,
    padded: bool,
    scroll: crate::app::scroll::Scroll,
    frame: &mut Frame,
    area: Rect,
    theme: Theme,
) -> Shown {
    let place = if super::compact(area) {
        Place::plain(super::indent(area))
    } else {
        let mut block = Block::bordered().title(title);
        if padded {
            block = block.padding(Padding::horizontal(1));
        }
        Place::boxed(block, frame, area)
    };
    let mut wrapped = wrap_lines(lines, usize::from(place.text.width));
    if place.marker == Marker::Row {
        // No border: no blank lines either.
        wrapped.retain(|line| line.width() > 0);
    }
    scroll_text::render(ScrollText::new(wrapped), scroll, frame, place, theme)
}

/// Stopped for pain: what to do now, from the content's warning sections.
pub fn render_hurt(app: &App, frame: &mut Frame, area: Rect, theme: Theme) -> Shown {
    let mut lines = vec![
        Line::from(Span::styled(
            "Stopped. Rest and let your back settle; do not push on.",
            theme.warning(),
        )),
        Line::from(Span::styled(
            "This session is in your history as stopped for pain.",
            theme.dim(),
        )),
    ];
    for id in HURT_SECTIONS {
        let Some(section) = app.content.warning(id) else {
            continue;
        };
        lines.push(Line::default());
        lines.push(Line::from(vec![
            Span::styled(format!("{}: ", section.title), theme.title()),
            Span::styled(section.intro.clone(), theme.text()),
        ]));
        let titles = |urgent: bool| -> Vec<&str> {
            section
                .items
                .iter()
                .filter(|i| i.urgent == urgent)
                .map(|i| i.title.as_str())
                .collect()
        };
        let urgent = titles(true);
        if !urgent.is_empty() {
            lines.push(Line::from(vec![
                Span::styled("!! Urgent: ", theme.warning()),
                Span::styled(urgent.join(" · "), theme.warning()),
            ]));
        }
        let other = titles(false);
        if !other.is_empty() {
            lines.push(Line::from(Span::styled(
                format!("• {}", other.join(" · ")),
                theme.text(),
            )));
        }
    }
    lines.extend(super::suggestion::lines(app, "", theme));
    let title = Span::styled(" ! This hurts: when to get help ", theme.warning());
    scrolling_box(&lines, title, true, app.scroll, frame, area, theme)
}

/// The end: time, exercises done and skipped, pain before and after.
pub fn render_summary(
    app: &App,
    session: &Session,
    frame: &mut Frame,
    area: Rect,
    theme: Theme,
) -> Shown {
    let record = session.record();
    let pain = |p: Option<u8>| p.map_or("not given".to_owned(), |v| format!("{v} of 10"));
    let mut lines = vec![
        Line::from(Span::styled(
            format!(
                " {}: {}",
                session.plan.routine_name,
                record.honest_outcome().label()
            ),
            theme.title(),
        )),
        Line::default(),
        Line::from(vec![
            Span::styled(" Time taken     ", theme.dim()),
            Span::styled(
                clock(std::time::Duration::from_secs(record.duration_secs)),
                theme.current(),
            ),
        ]),
        Line::from(vec![
            Span::styled(" Exercises      ", theme.dim()),
            Span::styled(
                format!(
                    "{} done, {} skipped, of {}",
                    record.count(ExerciseOutcome::Done),
                    record.count(ExerciseOutcome::Skipped),
                    record.exercises.len()
                ),
                theme.current(),
            ),
        ]),
        Line::from(vec![
            Span::styled(" Pain before    ", theme.dim()),
            Span::styled(pain(record.pain_before), theme.current()),
        ]),
        Line::from(vec![
            Span::styled(" Pain after     ", theme.dim()),
            Span::styled(pain(record.pain_after), theme.current()),
        ]),
        Line::default(),
    ];
    for (exercise, result) in session.plan.exercises.iter().zip(&record.exercises) {
        let (mark, word) = match result.outcome {
            ExerciseOutcome::Done => ("✓", "done"),
            ExerciseOutcome::Skipped => ("»", "skipped"),
            ExerciseOutcome::Stopped => ("■", "stopped"),
            ExerciseOutcome::NotReached => ("·", "not reached"),
        };
        let rated = result
            .rating
            .map_or_else(String::new, |r| format!(", rated {}", r.label()));
        lines.push(Line::from(vec![
            Span::styled(format!(" {mark} {}", exercise.name), theme.text()),
            Span::styled(format!("  {word}{rated}"), theme.dim()),
        ]));
    }
    if let (Some(before), Some(after)) = (record.pain_before, record.pain_after)
        && after > before
    {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            " ! Your pain went up. If it stays, see a physician or physical therapist.",
            theme.warning(),
        )));
    }
    lines.extend(super::suggestion::lines(app, " ", theme));
    if let Some(tip) = app
        .now
        .and_then(|now| tips::of_the_day(&app.content.tips, now.wall.date_naive()))
    {
        lines.push(Line::default());
        lines.push(Line::from(vec![
            Span::styled(format!(" Tip · {}: ", tip.title), theme.title()),
            Span::styled(tip.text.clone(), theme.text()),
        ]));
    }
    let title = Span::styled(" Summary ", theme.title());
    scrolling_box(&lines, title, false, app.scroll, frame, area, theme)
}
